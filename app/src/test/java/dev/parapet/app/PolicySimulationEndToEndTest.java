package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A user's path through simulation: traffic through the demo gateway is recorded, a draft bundle
 * is written with {@code parapet policy init} and a rule added, and {@code parapet policy simulate}
 * reports what the draft would have changed on that traffic.
 */
class PolicySimulationEndToEndTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void simulateReportsWhatADraftWouldHaveDecidedOnRecordedTraffic() throws Exception {
        try (StackFixture fixture = new StackFixture(dir.resolve("data"))) {
            HttpResponse<String> redacted = fixture.chat(StackFixture.userMessage("parapet-echo", "Mail alice@example.com the notes."));
            HttpResponse<String> allowed = fixture.chat(StackFixture.userMessage("parapet-echo", "What is the capital of France?"));
            assertThat(redacted.statusCode()).isEqualTo(200);
            assertThat(allowed.statusCode()).isEqualTo(200);
            String redactedId = redacted.headers().firstValue("x-parapet-decision-id").orElseThrow();
            String allowedId = allowed.headers().firstValue("x-parapet-decision-id").orElseThrow();
            assertThat(fixture.storedEvent(redactedId).get("decision").asText()).isEqualTo("redact");
            assertThat(fixture.storedEvent(allowedId).get("decision_input").get("message_count").asInt()).isEqualTo(1);

            Path draft = dir.resolve("draft");
            assertThat(run("policy", "init", draft.toString())[0]).isEqualTo("0");
            Files.writeString(draft.resolve("rules/30-models.yaml"), """
                    rules:
                      - id: no-echo-model
                        when: "request.model == 'parapet-echo'"
                        action: block
                        reason_code: model_not_allowed
                    """);

            String[] result = run("policy", "simulate", "--draft", draft.toString(), "--since", "1h",
                    "--control-url", fixture.stack.credentials().controlUrl(),
                    "--token", fixture.stack.credentials().adminToken());

            assertThat(result[0]).as(result[2]).isEqualTo("0");
            assertThat(result[1]).contains("2 events, 2 simulated, 0 skipped (no decision input), 2 would change")
                    .containsPattern("allow -> block\\s+1\\s+\\(1 changed\\)\\s+e\\.g\\. " + allowedId)
                    .containsPattern("redact -> block\\s+1\\s+\\(1 changed\\)\\s+e\\.g\\. " + redactedId)
                    .containsPattern("no-echo-model\\s+2\\s+\\(2 changed\\)")
                    .doesNotContain("alice@example.com");
        }
    }

    @Test
    void anInvalidDraftIsReportedWithoutAskingTheControlPlane() throws Exception {
        Path draft = dir.resolve("draft");
        assertThat(run("policy", "init", draft.toString())[0]).isEqualTo("0");
        Files.writeString(draft.resolve("rules/30-bad.yaml"), "rules:\n  - id: x\n    when: \"true\"\n    action: maybe\n    reason_code: y_z\n");

        String[] result = run("policy", "simulate", "--draft", draft.toString(), "--control-url", "http://127.0.0.1:9",
                "--token", "t");

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("the draft is invalid").contains("rules/30-bad.yaml").contains("unknown action 'maybe'");
    }
}
