package dev.parapet.gateway.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.Action;
import dev.parapet.core.ChatMessage;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.detect.risk.RiskModel;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.RiskBand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecideStageTest {
    private static final Principal CALLER = new Principal("t1", "svc-1", Principal.Kind.SERVICE, "developer", Map.of());

    private static Exchange request(int risk, PolicyEngine policy) {
        Exchange ex = new Exchange("d", Instant.now(), System.nanoTime(), "openai", "chat.completions", null, null);
        ex.policy(policy);
        ex.principal(CALLER);
        ex.interaction(new Interaction("openai", "chat.completions", "m", List.of(new ChatMessage("user", "hi")), false, 60));
        ex.detection(List.of(), risk);
        return ex;
    }

    private static PolicyEngine policy(String rules) throws Exception {
        PolicyBundle bundle = PolicyBundle.parse(("bundle: {name: t, version: \"1\"}\nrules:\n" + rules).getBytes(StandardCharsets.UTF_8));
        return new PolicyEngine(bundle);
    }

    @Test
    void anEnforcedHoldIsNotForwardedAndAnswers403WithTheRulesCode() throws Exception {
        DecideStage stage = new DecideStage();
        PolicyEngine policy = policy("""
                  - id: hold
                    when: "risk_band == 'hold'"
                    action: hold
                    reason_code: prompt_injection_suspected
                """);
        Exchange ex = request(60, policy);
        boolean[] forwarded = {false};

        Outcome outcome = stage.handle(ex, e -> {
            forwarded[0] = true;
            return new Outcome.Delivered(200);
        });

        assertThat(forwarded[0]).isFalse();
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("prompt_injection_suspected");
            assertThat(r.message()).contains("held for review");
        });
        assertThat(ex.decision().action()).isEqualTo(Action.HOLD);
    }

    @Test
    void anAlertIsForwarded() throws Exception {
        DecideStage stage = new DecideStage();
        PolicyEngine policy = policy("""
                  - id: alert
                    when: "true"
                    action: alert
                    reason_code: team_alert
                """);
        Exchange ex = request(0, policy);

        Outcome outcome = stage.handle(ex, e -> new Outcome.Delivered(200));

        assertThat(outcome).isInstanceOf(Outcome.Delivered.class);
        assertThat(ex.decision().action()).isEqualTo(Action.ALERT);
    }

    @Test
    void theDefaultBandsAreTheShippedRiskModelsCalibratedThresholds() {
        // recalibrating the risk model (parapet calibrate) must move the bundles' defaults with it
        assertThat(RiskBand.DEFAULT).isEqualTo(new RiskBand(RiskModel.shipped().hold(), RiskModel.shipped().block()));
        assertThat(PolicyBundle.defaults().riskBand()).isEqualTo(RiskBand.DEFAULT);
    }
}
