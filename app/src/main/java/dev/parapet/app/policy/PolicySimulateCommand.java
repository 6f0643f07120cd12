package dev.parapet.app.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet policy simulate}: asks the control plane what a draft bundle would have decided
 * on the tenant's recorded traffic ({@code POST /v1/policy/simulate}). The draft is checked
 * locally first, so a broken bundle is reported without a round trip.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Re-decide recorded traffic under a draft bundle and report what would change.")
public final class PolicySimulateCommand implements Callable<Integer> {

    @Option(names = "--draft", paramLabel = "DIR", required = true, description = "The draft bundle directory.")
    Path draft;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "24h",
            description = "How far back: 30m, 24h, 7d, or an ISO-8601 instant (default 24h).")
    String since;

    @Option(names = "--control-url", paramLabel = "URL", required = true, description = "The control plane, e.g. http://127.0.0.1:8081.")
    URI controlUrl;

    @Option(names = "--token", paramLabel = "TOKEN", required = true, description = "An admin token of the tenant.")
    String token;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("parapet policy simulate: --format must be text or json");
            return PolicyExit.USAGE;
        }
        BundleFiles files;
        try {
            files = BundleFiles.read(draft);
            PolicyBundle.fromFiles(files);
        } catch (PolicyBundleException e) {
            err.println("parapet policy simulate: the draft is invalid: " + e.getMessage());
            return PolicyExit.USAGE;
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode();
        ObjectNode encoded = body.putObject("files");
        for (String name : files.names()) {
            encoded.put(name, Base64.getEncoder().encodeToString(files.bytes(name)));
        }
        body.put("since", since);
        HttpResponse<String> res;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            res = http.send(HttpRequest.newBuilder(controlUrl.resolve("/v1/policy/simulate"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("parapet policy simulate: cannot reach " + controlUrl + ": " + e.getMessage());
            return PolicyExit.REFUSED;
        }
        JsonNode answer;
        try {
            answer = json.readTree(res.body());
        } catch (IOException e) {
            answer = null;
        }
        if (res.statusCode() != 200 || answer == null) {
            String detail = answer != null && answer.has("detail") ? answer.get("detail").asText() : "HTTP " + res.statusCode();
            err.println("parapet policy simulate: the control plane refused: " + detail);
            return PolicyExit.REFUSED;
        }
        if (format.equals("json")) {
            out.println(answer.toPrettyString());
            return PolicyExit.OK;
        }
        out.printf(Locale.ROOT, "draft %s (version %s), since %s: %d events, %d simulated, %d skipped (no decision input), "
                        + "%d would change, %d degraded%n", answer.get("draft_digest").asText(),
                answer.get("draft_version").asText(), since, answer.get("events").asInt(), answer.get("simulated").asInt(),
                answer.get("skipped").asInt(), answer.get("changed").asInt(), answer.get("degraded").asInt());
        print(out, "changes (recorded -> draft):", answer.get("transitions"));
        print(out, "draft rules that decided:", answer.get("rules"));
        return PolicyExit.OK;
    }

    private static void print(PrintWriter out, String title, JsonNode lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println(title);
        for (JsonNode line : lines) {
            StringBuilder examples = new StringBuilder();
            line.get("examples").forEach(e -> examples.append(examples.isEmpty() ? "" : ", ").append(e.asText()));
            out.printf(Locale.ROOT, "  %-32s %6d  (%d changed)%s%n", line.get("key").asText(), line.get("count").asInt(),
                    line.get("changed").asInt(), examples.isEmpty() ? "" : "  e.g. " + examples);
        }
    }
}
