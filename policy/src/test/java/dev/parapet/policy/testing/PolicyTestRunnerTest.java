package dev.parapet.policy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyTestRunnerTest {

    static final String MANIFEST = "tenant: acme\nname: t\nversion: '1'\non_error: fail_open\n";

    static final String RULES = """
            rules:
              - id: block-injection
                when: "findings.exists(f, f.family == 'injection')"
                action: block
                reason_code: prompt_injection_detected
              - id: redact-email
                when: "findings.exists(f, f.type == 'pii.email')"
                action: redact
                redact: [pii.email]
                reason_code: pii_email_redacted
              - id: block-eu-team
                when: "principal.attributes['region'] == 'eu'"
                action: block
                reason_code: region_blocked
            """;

    static final String PASSING = """
            cases:
              - name: blocks injection
                input:
                  principal: {attributes: {region: us}}
                  findings: [{type: injection.instruction_override}]
                expect: {action: block, rules: [block-injection]}
              - name: redacts e-mail
                input:
                  principal: {attributes: {region: us}}
                  findings: [{type: pii.email}]
                expect: {action: redact, reason_codes: [pii_email_redacted], redact: [pii.email]}
            """;

    static final String FAILING = """
            cases:
              - name: expects a block the bundle does not make
                input:
                  findings: [{type: pii.email}]
                expect: {action: block, reason_codes: [prompt_injection_detected], degraded: false}
            """;

    static BundleFiles files(String... tests) throws PolicyBundleException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.yaml", MANIFEST.getBytes(StandardCharsets.UTF_8));
        files.put("rules/main.yaml", RULES.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < tests.length; i++) {
            files.put("tests/t" + i + ".yaml", tests[i].getBytes(StandardCharsets.UTF_8));
        }
        return BundleFiles.of(files);
    }

    static PolicyTestReport run(String... tests) throws PolicyBundleException {
        BundleFiles files = files(tests);
        PolicyBundle bundle = PolicyBundle.fromFiles(files);
        return PolicyTestRunner.run(bundle, PolicyTestParser.parse(files, bundle.manifest().tenant()));
    }

    @Test
    void passingCasesPassAndCoverTheRulesTheyMatch() throws Exception {
        PolicyTestReport report = run(PASSING);

        assertThat(report.passed()).isEqualTo(2);
        assertThat(report.failed()).isZero();
        assertThat(report.allPassed()).isTrue();
        assertThat(report.coverage().covered()).containsExactly("block-injection", "redact-email");
        assertThat(report.coverage().uncovered()).containsExactly("block-eu-team");
        assertThat(report.coverage().percentText()).isEqualTo("66.7");
    }

    @Test
    void aFailingCaseListsEachDifferenceAndTheTraceShowsTheFailingRule() throws Exception {
        PolicyTestReport report = run(PASSING, FAILING);

        assertThat(report.passed()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        CaseResult failed = report.results().get(2);
        assertThat(failed.testCase().label()).isEqualTo("tests/t1.yaml: expects a block the bundle does not make");
        assertThat(failed.mismatches()).containsExactly(
                "action: expected block, got redact",
                "reason_codes: expected [prompt_injection_detected], got [pii_email_redacted]",
                "degraded: expected false, got true");

        String text = TextReport.render(report, false);
        assertThat(text).doesNotContain("PASS tests/t0.yaml").containsSubsequence(
                "FAIL tests/t1.yaml: expects a block the bundle does not make\n",
                "  action: expected block, got redact\n",
                "  decision: redact, reason codes [pii_email_redacted], rules [redact-email], redact [pii.email], degraded\n",
                "  rule trace:\n",
                "    block-injection  block   not matched\n",
                "    redact-email     redact  matched\n",
                "    block-eu-team    block   error: ",
                "PASS: 2/3\n",
                "FAIL: 1/3\n",
                "Rule coverage: 2/3 rules matched by some case (66.7%)\n",
                "  never matched: block-eu-team\n");
    }

    @Test
    void verboseTextListsPassingCasesToo() throws Exception {
        assertThat(TextReport.render(run(PASSING), true))
                .startsWith("PASS tests/t0.yaml: blocks injection\nPASS tests/t0.yaml: redacts e-mail\n---");
    }

    @Test
    void jsonReportHasSummaryCasesAndCoverage() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(run(PASSING, FAILING)));

        assertThat(root.at("/summary/passed").asInt()).isEqualTo(2);
        assertThat(root.at("/summary/failed").asInt()).isEqualTo(1);
        assertThat(root.at("/cases/2/result").asText()).isEqualTo("fail");
        assertThat(root.at("/cases/2/mismatches/0").asText()).isEqualTo("action: expected block, got redact");
        assertThat(root.at("/cases/2/decision/action").asText()).isEqualTo("redact");
        assertThat(root.at("/cases/2/trace/2/outcome").asText()).isEqualTo("error");
        assertThat(root.at("/cases/2/trace/2/error").asText()).isNotBlank();
        assertThat(root.at("/cases/0/trace/0/error").isMissingNode()).isTrue();
        assertThat(root.at("/coverage/rules").asInt()).isEqualTo(3);
        assertThat(root.at("/coverage/matched").asInt()).isEqualTo(2);
        assertThat(root.at("/coverage/percent").asDouble()).isEqualTo(66.7);
        assertThat(root.at("/coverage/unmatched/0").asText()).isEqualTo("block-eu-team");
    }

    @Test
    void noCasesIsAnEmptyReportWithNoCoverage() throws Exception {
        PolicyTestReport report = run();

        assertThat(report.results()).isEmpty();
        assertThat(report.allPassed()).isTrue();
        assertThat(report.coverage().percent()).isZero();
        assertThat(TextReport.render(report, false)).contains("no test cases");
    }

    @Test
    void theDefaultBundlePassesItsOwnTestsAndCoversEveryRule() throws Exception {
        BundleFiles files = PolicyBundle.defaultFiles();
        PolicyBundle bundle = PolicyBundle.fromFiles(files);

        PolicyTestReport report = PolicyTestRunner.run(bundle, PolicyTestParser.parse(files, Optional.empty()));

        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(bundle.ruleIds().size() + 2);
        assertThat(report.results().stream().filter(r -> !r.passed()).map(r -> r.testCase().label() + " " + r.mismatches()))
                .isEmpty();
        assertThat(report.coverage().uncovered()).isEmpty();
        assertThat(report.coverage().percent()).isEqualTo(100.0);
    }

    @Test
    void coverageOfABundleWithoutRulesIsComplete() {
        assertThat(new RuleCoverage(List.of(), List.of()).percent()).isEqualTo(100.0);
    }
}
