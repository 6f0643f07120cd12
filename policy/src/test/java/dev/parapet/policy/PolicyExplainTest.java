package dev.parapet.policy;

import dev.parapet.core.Action;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.parapet.policy.Inputs.finding;
import static dev.parapet.policy.Inputs.input;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyExplainTest {

    private static PolicyEngine engine(String onError) throws PolicyBundleException {
        return new PolicyEngine(Inputs.bundle("""
                bundle: {name: t, version: "1", on_error: %s}
                rules:
                  - id: team-only
                    when: "principal.attributes['missing'] == 'x'"
                    action: block
                    reason_code: team_blocked
                  - id: redact-email
                    when: "findings.exists(f, f.type == 'pii.email')"
                    action: redact
                    redact: [pii.email]
                    reason_code: pii_email_redacted
                  - id: high-risk
                    when: "risk >= 90"
                    action: block
                    reason_code: high_risk
                """.formatted(onError)));
    }

    @Test
    void tracesEveryRuleInOrderWithTheErrorMessage() throws PolicyBundleException {
        PolicyExplanation e = engine("fail_open").explain(input(finding("pii.email", 0, 5)));

        assertThat(e.trace()).extracting(RuleTrace::ruleId, RuleTrace::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("team-only", RuleTrace.Outcome.ERROR),
                org.assertj.core.groups.Tuple.tuple("redact-email", RuleTrace.Outcome.MATCHED),
                org.assertj.core.groups.Tuple.tuple("high-risk", RuleTrace.Outcome.NOT_MATCHED));
        assertThat(e.trace().getFirst().error()).endsWith(": missing: no such key (guard optional keys with 'in')");
        assertThat(e.trace().get(1).error()).isEmpty();
        assertThat(e.decision().action()).isEqualTo(Action.REDACT);
        assertThat(e.decision().degraded()).isTrue();
    }

    @Test
    void theDecisionIsWhatDecideDecidesEvenWhenFailClosedStopsEarly() throws PolicyBundleException {
        PolicyEngine engine = engine("fail_closed");
        PolicyInput in = input(finding("pii.email", 0, 5));

        PolicyExplanation e = engine.explain(in);

        assertThat(e.decision()).isEqualTo(engine.decide(in));
        assertThat(e.decision().reasonCodes()).isEqualTo(List.of("policy_error"));
        assertThat(e.trace()).hasSize(3);
        assertThat(e.trace().get(1).outcome()).isEqualTo(RuleTrace.Outcome.MATCHED);
    }

    @Test
    void aConditionThatIsNotABoolIsAnError() throws PolicyBundleException {
        PolicyEngine engine = new PolicyEngine(Inputs.bundle("""
                bundle: {name: t, version: "1", on_error: fail_open}
                rules:
                  - {id: role, when: "principal.role", action: allow}
                """));

        RuleTrace t = engine.explain(input()).trace().getFirst();

        assertThat(t.outcome()).isEqualTo(RuleTrace.Outcome.ERROR);
        assertThat(t.error()).isNotBlank();
    }

    @Test
    void aRuleItsGuardRulesOutIsNotMatchedAsInCelEvenWhenTheRestWouldFail() throws PolicyBundleException {
        PolicyBundle bundle = Inputs.bundle("""
                bundle: {name: t, version: "1", on_error: fail_closed}
                rules:
                  - id: other-model
                    when: "principal.attributes['missing'] == 'x' && request.model == 'other'"
                    action: block
                    reason_code: team_blocked
                """);
        PolicyInput in = input();

        PolicyExplanation guarded = new PolicyEngine(bundle).explain(in);

        assertThat(guarded.trace().getFirst().outcome()).isEqualTo(RuleTrace.Outcome.NOT_MATCHED);
        assertThat(guarded.decision().degraded()).isFalse();
        assertThat(guarded).isEqualTo(new PolicyEngine(bundle, false).explain(in));
    }
}
