package dev.parapet.app.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parapet policy publish --control-url URL --token TOKEN [--reason TEXT] DIR}: uploads a
 * bundle directory, its {@code .signatures.json} included when present, as the tenant's next
 * policy version; the control plane validates it, signs it and serves it to the tenant's
 * gateways. Prints the new version and its digest. Exit 0 when published, 1 when the control
 * plane refuses it (invalid bundle, no change, bad token) or cannot be reached, 2 on bad arguments.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a bundle directory as the tenant's next policy version.",
            "The control plane validates and signs it and serves it to the tenant's gateways. See docs/control-api.md."})
final class PolicyPublishCommand extends ControlCommand {

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why this version is published (default: the manifest's message).")
    String reason;

    @Parameters(paramLabel = "DIR", description = "The bundle directory.")
    Path dir;

    @Override
    String name() {
        return "publish";
    }

    @Override
    int run(ControlClient client) {
        if (!Files.isDirectory(dir)) {
            return fail(PolicyExit.USAGE, dir + " is not a bundle directory");
        }
        ObjectNode body = ControlClient.JSON.createObjectNode();
        try {
            BundleFiles files = BundleFiles.read(dir);
            ObjectNode encoded = body.putObject("files");
            for (String name : files.names()) {
                encoded.put(name, Base64.getEncoder().encodeToString(files.bytes(name)));
            }
        } catch (PolicyBundleException e) {
            return fail(PolicyExit.REFUSED, "cannot read " + dir + ": " + e.getMessage());
        }
        Path signatures = dir.resolve(BundleFiles.SIGNATURES_FILE);
        if (Files.exists(signatures, LinkOption.NOFOLLOW_LINKS)) {
            JsonNode document;
            try {
                document = ControlClient.JSON.readTree(Files.readAllBytes(signatures));
            } catch (IOException e) {
                document = null;
            }
            if (document == null || !document.isObject()) {
                return fail(PolicyExit.REFUSED, signatures + " is not a JSON object (sign the bundle again, or delete it)");
            }
            body.set("signatures", document);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return finish(client.post("/v1/policy/bundles", body.toString().getBytes(StandardCharsets.UTF_8)),
                ok -> published("published", ok.body()));
    }

    /** {@code published version 7 (parent 6): sha256:… signed by key K; also signed by A}. */
    static String published(String verb, JsonNode v) {
        StringBuilder line = new StringBuilder(verb).append(" version ").append(v.path("version").asInt());
        if (v.path("parent_version").isInt()) {
            line.append(" (parent ").append(v.get("parent_version").asInt()).append(')');
        }
        line.append(": ").append(v.path("digest").asText()).append(" signed by key ").append(v.path("key_id").asText());
        StringBuilder others = new StringBuilder();
        for (JsonNode keyId : v.path("signed_by")) {
            if (!keyId.asText().equals(v.path("key_id").asText())) {
                others.append(others.isEmpty() ? "" : ", ").append(keyId.asText());
            }
        }
        if (!others.isEmpty()) {
            line.append("; also signed by ").append(others);
        }
        return line.append('\n').toString();
    }
}
