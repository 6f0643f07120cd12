package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole distribution path as a user drives it: the demo starts enforcing the default bundle,
 * signed by its control plane; {@code parapet policy publish} sends a new version; the gateway
 * enforces it within the long poll (issue #4's target: 2 s), shows it in {@code /readyz}, and
 * {@code parapet policy rollback} brings the old decision back.
 */
class PolicyPublishEndToEndTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        assertThat(exit).as(err.toString()).isZero();
        return exit;
    }

    private static long millisUntil(StackFixture fx, String body, int status) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            if (fx.chat(body).statusCode() == status) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no answer " + status + " within 10 s");
    }

    private static JsonNode ready(StackFixture fx) throws Exception {
        HttpResponse<String> res = fx.http.send(HttpRequest.newBuilder(URI.create(fx.stack.credentials().gatewayUrl() + "/readyz"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return StackFixture.JSON.readTree(res.body());
    }

    @Test
    void aPublishedBundleIsEnforcedWithinTwoSecondsAndARollbackUndoesIt() throws Exception {
        try (StackFixture fx = new StackFixture(dir.resolve("data"))) {
            String url = fx.stack.credentials().controlUrl();
            String token = fx.stack.credentials().adminToken();
            String hello = StackFixture.userMessage("parapet-echo", "Hello there");
            assertThat(fx.chat(hello).statusCode()).isEqualTo(200);
            // the control plane was seeded with the default bundle: the same files, so the same digest
            assertThat(ready(fx).get("bundle").get("digest").asText())
                    .isEqualTo(dev.parapet.policy.PolicyBundle.defaultFiles().digest());

            Path bundle = dir.resolve("bundle");
            run("policy", "init", bundle.toString());
            Files.writeString(bundle.resolve("rules/30-models.yaml"), """
                    rules:
                      - id: no-echo-model
                        when: "request.model == 'parapet-echo'"
                        action: block
                        reason_code: model_not_allowed
                    """);

            run("policy", "publish", "--control-url", url, "--token", token, "--reason", "block the echo model",
                    bundle.toString());
            long enforcedMs = millisUntil(fx, hello, 403);

            System.out.println("publish-to-enforced through the demo stack: " + enforcedMs + " ms");
            assertThat(enforcedMs).isLessThan(2_000);
            assertThat(fx.chat(hello).body()).contains("model_not_allowed");
            assertThat(ready(fx).get("bundle").get("source").asText()).isEqualTo("control_plane");
            assertThat(ready(fx).get("bundle").get("control_version").asInt()).isEqualTo(2);

            run("policy", "rollback", "--control-url", url, "--token", token, "--version", "1", "--reason", "too strict");
            assertThat(millisUntil(fx, hello, 200)).isLessThan(2_000);
        }
    }
}
