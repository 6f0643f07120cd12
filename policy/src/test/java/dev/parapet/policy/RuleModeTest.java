package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.parapet.policy.Inputs.CHAT;
import static dev.parapet.policy.Inputs.finding;
import static dev.parapet.policy.Inputs.input;
import static dev.parapet.policy.Inputs.withRisk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule modes (enforce, monitor, canary), the hold and alert actions, and risk bands. */
class RuleModeTest {

    private static PolicyEngine engine(String rules) throws PolicyBundleException {
        return new PolicyEngine(Inputs.bundle("bundle: {name: t, version: \"1\"}\nrisk: {hold: 40, block: 70}\nrules:\n" + rules));
    }

    @Test
    void aMonitorRuleNeverChangesTrafficButIsReported() throws Exception {
        PolicyEngine engine = engine("""
                  - id: would-block
                    when: "true"
                    action: block
                    mode: monitor
                    reason_code: team_blocked
                """);
        PolicyDecision d = engine.decide(input());
        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.reasonCodes()).isEmpty();
        assertThat(d.monitoredRuleIds()).containsExactly("would-block");
    }

    @Test
    void aFailingMonitorRuleDoesNotFailClosed() throws Exception {
        PolicyEngine engine = engine("""
                  - id: broken
                    when: "request.no_such_key == 'x'"
                    action: block
                    mode: monitor
                    reason_code: team_blocked
                """);
        PolicyDecision d = engine.decide(input());
        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.degraded()).isTrue();
    }

    @Test
    void precedenceIsBlockHoldRedactAlertAllow() throws Exception {
        String rules = """
                  - id: alert
                    when: "true"
                    action: alert
                    reason_code: team_alert
                  - id: redact
                    when: "findings.size() > 0"
                    action: redact
                    redact: [pii.email]
                    reason_code: pii_email_redacted
                  - id: hold
                    when: "risk_band == 'hold'"
                    action: hold
                    reason_code: prompt_injection_suspected
                  - id: block
                    when: "risk_band == 'block'"
                    action: block
                    reason_code: prompt_injection_detected
                """;
        PolicyEngine engine = engine(rules);
        assertThat(engine.decide(withRisk(0)).action()).isEqualTo(Action.ALERT);
        assertThat(engine.decide(withRisk(0, finding("pii.email", 0, 5))).action()).isEqualTo(Action.REDACT);
        PolicyDecision hold = engine.decide(withRisk(40, finding("pii.email", 0, 5)));
        assertThat(hold.action()).isEqualTo(Action.HOLD);
        assertThat(hold.reasonCodes()).containsExactly("prompt_injection_suspected");
        assertThat(hold.redactions()).isEmpty();
        assertThat(engine.decide(withRisk(70)).action()).isEqualTo(Action.BLOCK);
    }

    @ParameterizedTest(name = "risk {0} is {1}")
    @CsvSource({"0, low", "39, low", "40, hold", "69, hold", "70, block", "100, block"})
    void riskBandFollowsTheBundlesThresholds(int risk, String band) throws Exception {
        PolicyEngine engine = engine("""
                  - id: band
                    when: "risk_band == '%s'"
                    action: alert
                    reason_code: team_alert
                """.formatted(band));
        assertThat(engine.decide(withRisk(risk)).matchedRuleIds()).containsExactly("band");
    }

    @Test
    void aCanaryRuleIsEnforcedForAStableShareOfPrincipals() throws Exception {
        PolicyEngine engine = engine("""
                  - id: canary-block
                    when: "true"
                    action: block
                    mode: canary
                    canary_percent: 20
                    reason_code: team_blocked
                """);
        int enforced = 0;
        for (int i = 0; i < 2000; i++) {
            Principal p = new Principal("t1", "user-" + i, Principal.Kind.USER, "developer", Map.of());
            PolicyDecision d = engine.decide(new PolicyInput(p, CHAT, List.of(), 0));
            PolicyDecision again = engine.decide(new PolicyInput(p, CHAT, List.of(), 0));
            assertThat(again.action()).isEqualTo(d.action());
            if (d.action() == Action.BLOCK) {
                enforced++;
            } else {
                assertThat(d.monitoredRuleIds()).containsExactly("canary-block");
            }
        }
        assertThat(enforced).isBetween(340, 460); // 20% of 2,000, give or take 3 standard deviations
    }

    @Test
    void modeAndCanaryPercentAreValidated() {
        assertThatThrownBy(() -> engine("""
                  - id: r
                    when: "true"
                    action: block
                    mode: shadow
                    reason_code: team_blocked
                """)).hasMessageContaining("unknown mode 'shadow'");
        assertThatThrownBy(() -> engine("""
                  - id: r
                    when: "true"
                    action: block
                    mode: canary
                    reason_code: team_blocked
                """)).hasMessageContaining("canary_percent");
        assertThatThrownBy(() -> engine("""
                  - id: r
                    when: "true"
                    action: block
                    canary_percent: 5
                    reason_code: team_blocked
                """)).hasMessageContaining("only allowed with mode canary");
        assertThatThrownBy(() -> Inputs.bundle("bundle: {name: t, version: \"1\"}\nrisk: {hold: 90, block: 80}\nrules: []\n"))
                .hasMessageContaining("hold <= block");
        assertThatThrownBy(() -> Inputs.bundle("bundle: {name: t, version: \"1\", default_action: hold}\nrules: []\n"))
                .hasMessageContaining("default_action must be allow or block");
    }
}
