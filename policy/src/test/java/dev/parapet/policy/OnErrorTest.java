package dev.parapet.policy;

import dev.parapet.core.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.parapet.policy.Inputs.finding;
import static dev.parapet.policy.Inputs.input;
import static org.assertj.core.api.Assertions.assertThat;

class OnErrorTest {

    private static PolicyEngine engine(String onError, String brokenCondition) throws PolicyBundleException {
        return new PolicyEngine(Inputs.bundle("""
                bundle: {name: t, version: "1", on_error: %s}
                rules:
                  - id: broken
                    when: "%s"
                    action: block
                    reason_code: team_blocked
                  - id: redact-email
                    when: "findings.exists(f, f.type == 'pii.email')"
                    action: redact
                    redact: [pii.email]
                    reason_code: pii_email_redacted
                """.formatted(onError, brokenCondition)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing_map_key       | principal.attributes['missing'] == 'x'
            non_bool_dyn_result   | principal.role
            division_by_zero      | risk / (risk - risk) > 1
            """)
    void failClosedBlocksWithPolicyError(String name, String brokenCondition) throws PolicyBundleException {
        PolicyDecision d = engine("fail_closed", brokenCondition).decide(input(finding("pii.email", 0, 5)));

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.reasonCodes()).containsExactly("policy_error");
        assertThat(d.matchedRuleIds()).containsExactly("broken");
        assertThat(d.redactions()).isEmpty();
        assertThat(d.degraded()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing_map_key       | principal.attributes['missing'] == 'x'
            non_bool_dyn_result   | principal.role
            division_by_zero      | risk / (risk - risk) > 1
            """)
    void failOpenSkipsTheFailingRule(String name, String brokenCondition) throws PolicyBundleException {
        var email = finding("pii.email", 0, 5);
        PolicyDecision d = engine("fail_open", brokenCondition).decide(input(email));

        assertThat(d.action()).isEqualTo(Action.REDACT);
        assertThat(d.reasonCodes()).containsExactly("pii_email_redacted");
        assertThat(d.redactions()).containsExactly(email);
        assertThat(d.degraded()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fail_closed
            fail_open
            """)
    void healthyBundleIsNotDegraded(String onError) throws PolicyBundleException {
        PolicyDecision d = engine(onError, "principal.role == 'nobody'").decide(input());

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.degraded()).isFalse();
    }
}
