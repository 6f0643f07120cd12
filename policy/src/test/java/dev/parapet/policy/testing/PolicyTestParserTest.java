package dev.parapet.policy.testing;

import dev.parapet.core.Action;
import dev.parapet.core.Principal;
import dev.parapet.core.Severity;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.PolicyInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTestParserTest {

    private static List<PolicyTestCase> parse(String yaml) throws PolicyBundleException {
        return PolicyTestParser.parseFile("tests/a.yaml", yaml.getBytes(StandardCharsets.UTF_8), "acme");
    }

    @Test
    void readsEveryFieldOfACase() throws Exception {
        PolicyTestCase c = parse("""
                cases:
                  - name: full
                    input:
                      principal: {tenant: t9, id: a7, kind: agent, role: analyst, attributes: {region: eu}}
                      request: {provider: anthropic, endpoint: messages, model: claude-opus, stream: true,
                                message_count: 2, bytes: 2048}
                      findings:
                        - {type: pii.email, family: pii, rule_id: DLP-EMAIL, severity: high, confidence: 0.8}
                      risk: 55
                    expect:
                      action: redact
                      reason_codes: [pii_email_redacted]
                      rules: [redact-email]
                      redact: [pii.email]
                      degraded: false
                """).getFirst();

        PolicyInput in = c.input();
        assertThat(in.principal()).isEqualTo(new Principal("t9", "a7", Principal.Kind.AGENT, "analyst", Map.of("region", "eu")));
        assertThat(in.interaction().provider()).isEqualTo("anthropic");
        assertThat(in.interaction().endpoint()).isEqualTo("messages");
        assertThat(in.interaction().model()).isEqualTo("claude-opus");
        assertThat(in.interaction().stream()).isTrue();
        assertThat(in.interaction().messages()).hasSize(2);
        assertThat(in.interaction().requestBytes()).isEqualTo(2048);
        assertThat(in.findings().getFirst().ruleId()).isEqualTo("DLP-EMAIL");
        assertThat(in.findings().getFirst().severity()).isEqualTo(Severity.HIGH);
        assertThat(in.findings().getFirst().confidence()).isEqualTo(0.8);
        assertThat(in.riskScore()).isEqualTo(55);
        assertThat(c.expect()).isEqualTo(new Expectation(Action.REDACT, Optional.of(List.of("pii_email_redacted")),
                Optional.of(List.of("redact-email")), Optional.of(Set.of("pii.email")), Optional.of(false)));
    }

    @Test
    void whatACaseLeavesOutTakesTheDefaults() throws Exception {
        PolicyTestCase c = parse("""
                cases:
                  - name: minimal
                    input:
                      findings: [{type: secret.github_pat}]
                    expect: {action: allow}
                """).getFirst();

        assertThat(c.input().principal()).isEqualTo(new Principal("acme", "tester", Principal.Kind.USER, "user", Map.of()));
        assertThat(c.input().interaction().model()).isEqualTo("gpt-4o");
        assertThat(c.input().interaction().messages()).hasSize(1);
        assertThat(c.input().riskScore()).isZero();
        assertThat(c.input().findings().getFirst().family()).isEqualTo("secret");
        assertThat(c.input().findings().getFirst().confidence()).isEqualTo(1.0);
        assertThat(c.input().findings().getFirst().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(c.expect().reasonCodes()).isEmpty();
        assertThat(c.expect().rules()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing_expect      | {name: a, input: {risk: 1}}                                  | tests/a.yaml: cases[0]: missing 'expect'
            unknown_case_key    | {name: a, expect: {action: allow}, skip: true}               | tests/a.yaml: cases[0]: unknown key 'skip'
            unknown_input_key   | {name: a, input: {user: x}, expect: {action: allow}}        | tests/a.yaml: cases[0].input: unknown key 'user'
            unknown_action      | {name: a, expect: {action: deny}}                            | tests/a.yaml: cases[0].expect.action: unknown action 'deny'
            risk_out_of_range   | {name: a, input: {risk: 300}, expect: {action: allow}}       | tests/a.yaml: cases[0].input.risk: must be an integer from 0 to 100
            bad_finding_type    | {name: a, input: {findings: [{type: email}]}, expect: {action: allow}} | tests/a.yaml: cases[0].input.findings[0].type: 'email' is not a finding type
            family_mismatch     | {name: a, input: {findings: [{type: pii.email, family: pci}]}, expect: {action: allow}} | tests/a.yaml: cases[0].input.findings[0]: type pii.email is not in family pci
            bad_confidence      | {name: a, input: {findings: [{type: pii.email, confidence: 2}]}, expect: {action: allow}} | cases[0].input.findings[0].confidence: must be a number from 0.0 to 1.0
            unknown_kind        | {name: a, input: {principal: {kind: robot}}, expect: {action: allow}} | cases[0].input.principal.kind: unknown kind 'robot'
            """)
    void refusesABadCaseNamingTheFileAndField(String name, String yamlCase, String message) {
        assertThatThrownBy(() -> parse("cases:\n  - " + yamlCase + "\n"))
                .isInstanceOf(PolicyBundleException.class).hasMessageContaining(message);
    }

    @Test
    void refusesTwoCasesWithOneName() {
        assertThatThrownBy(() -> parse("""
                cases:
                  - {name: same, expect: {action: allow}}
                  - {name: same, expect: {action: block}}
                """)).hasMessageContaining("tests/a.yaml: cases[1].name: a second case named 'same'");
    }
}
