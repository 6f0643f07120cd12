package dev.parapet.app.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parapet policy test} through the real command line, on a bundle written by {@code policy init}. */
class PolicyTestCommandTest {

    private static final String FAILING_CASE = """
            cases:
              - name: phone numbers are masked
                input:
                  findings: [{type: pii.phone, rule_id: DLP-PHONE}]
                expect:
                  action: redact
                  redact: [pii.phone]
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void init() {
        assertThat(CommandRun.of("policy", "init", dir.toString()).exit()).isZero();
    }

    @Test
    void printsOnlyTheSummaryWhenEveryCasePasses() {
        CommandRun r = CommandRun.of("policy", "test", dir.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("-----").containsPattern("PASS: (\\d+)/\\1\n")
                .contains("Rule coverage: 7/7 rules matched by some case (100.0%)").doesNotContain("FAIL");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verboseListsEveryPassingCase() {
        CommandRun r = CommandRun.of("policy", "test", "-v", dir.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("PASS tests/default.yaml: blocks when the risk score reaches the block band\n");
    }

    @Test
    void exitsOneAndPrintsTheTraceOfAFailingCase() throws IOException {
        Files.writeString(dir.resolve("tests/phones.yaml"), FAILING_CASE);

        CommandRun r = CommandRun.of("policy", "test", dir.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsSubsequence(
                "FAIL tests/phones.yaml: phone numbers are masked\n",
                "  action: expected redact, got allow\n",
                "  redact: expected [pii.phone], got []\n",
                "  decision: allow, reason codes [], rules [], redact []\n",
                "  rule trace:\n",
                "    block-prompt-injection     block   not matched\n",
                "    redact-health-identifiers  redact  not matched\n",
                "FAIL: 1/");
    }

    @Test
    void printsJsonWithEveryCaseAndTheCoverage() throws IOException {
        Files.writeString(dir.resolve("tests/phones.yaml"), FAILING_CASE);

        CommandRun r = CommandRun.of("policy", "test", "--format", "json", dir.toString());

        assertThat(r.exit()).isEqualTo(1);
        JsonNode root = new JsonMapper().readTree(r.out());
        assertThat(root.at("/summary/failed").asInt()).isEqualTo(1);
        assertThat(root.at("/summary/total").asInt()).isEqualTo(root.at("/cases").size());
        assertThat(root.at("/coverage/percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void exitsTwoOnAnInvalidBundleNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("rules/30-extra.yaml"), "rules:\n  - {id: x, when: 'risk >', action: allow}\n");

        CommandRun r = CommandRun.of("policy", "test", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("parapet policy test: " + dir + ": rules/30-extra.yaml: rule 'x': condition does not compile");
    }

    @Test
    void exitsTwoOnAnInvalidTestFile() throws IOException {
        Files.writeString(dir.resolve("tests/bad.yaml"), "cases:\n  - {name: a, expect: {action: deny}}\n");

        CommandRun r = CommandRun.of("policy", "test", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("tests/bad.yaml: cases[0].expect.action: unknown action 'deny'");
    }

    @Test
    void exitsTwoOnAMissingDirectoryOrAnUnknownFormat() {
        assertThat(CommandRun.of("policy", "test", dir.resolve("nope").toString()).err()).contains("not a bundle directory");
        assertThat(CommandRun.of("policy", "test", dir.resolve("nope").toString()).exit()).isEqualTo(2);

        CommandRun r = CommandRun.of("policy", "test", "--format", "xml", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--format must be text or json");
    }
}
