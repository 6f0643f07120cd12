package dev.parapet.policy;

import dev.parapet.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards decide exactly as CEL does: wherever a guard says true or false, the condition's program
 * yields that bool, and decisions and explanations with guards equal those without, over many
 * random inputs and rules, the default bundle and the benchmark's 50-rule bundle.
 */
class GuardedEvaluationTest {

    private static final int INPUTS = 1_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aGuardThatDecidesAgreesWithTheConditionsProgram(long seed) throws PolicyBundleException {
        RandomPolicies random = new RandomPolicies(seed);
        PolicyBundle bundle = random.bundle(150, "fail_open");
        int decided = 0;
        for (int i = 0; i < INPUTS; i++) {
            PolicyInput in = random.input();
            InputIndex index = new InputIndex(in, bundle.riskBand());
            PolicyActivation activation = new PolicyActivation(index);
            for (PolicyRule rule : bundle.rules()) {
                RuleGuard.Truth guard = rule.condition().guard().test(index);
                if (guard != RuleGuard.Truth.UNKNOWN) {
                    decided++;
                    Boolean cel = ConditionEvaluation.holds(rule, RuleGuard.Truth.UNKNOWN, activation);
                    assertThat(cel).as("seed %d, rule %s (%s), input %s", seed, rule.id(), rule.when(), in)
                            .isEqualTo(guard == RuleGuard.Truth.TRUE);
                }
            }
        }
        assertThat(decided).as("guards decided some rules").isGreaterThan(INPUTS * 50);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fail_open", "fail_closed"})
    void decisionsAndExplanationsWithGuardsEqualThoseWithout(String onError) throws PolicyBundleException {
        RandomPolicies random = new RandomPolicies(onError.hashCode());
        assertSameWithAndWithoutGuards(random.bundle(40, onError), random, INPUTS);
    }

    @Test
    void theDefaultBundleDecidesTheSameWithGuards() {
        assertSameWithAndWithoutGuards(PolicyBundle.defaults(), new RandomPolicies(7), INPUTS);
    }

    @Test
    void theFiftyRuleBundleDecidesTheSameWithGuards() throws PolicyBundleException {
        assertSameWithAndWithoutGuards(RandomPolicies.fiftyRules(), new RandomPolicies(8), INPUTS);
    }

    @Test
    void findingsBeyondTheComprehensionLimitAreLeftToCel() throws PolicyBundleException {
        PolicyBundle bundle = Inputs.bundle("""
                bundle: {name: t, version: "1"}
                rules:
                  - id: email
                    when: "findings.exists(f, f.type == 'pii.email')"
                    action: block
                    reason_code: custom_rule
                """);
        List<Finding> findings = Collections.nCopies(PolicyCel.MAX_COMPREHENSION_ITERATIONS, Inputs.finding("pci.card_number", 0, 4));
        PolicyInput in = new PolicyInput(Inputs.DEVELOPER, Inputs.CHAT, findings, 0);

        assertThat(bundle.rules().getFirst().condition().guard().test(new InputIndex(in, bundle.riskBand())))
                .as("CEL fails rather than answering").isEqualTo(RuleGuard.Truth.UNKNOWN);
    }

    private static void assertSameWithAndWithoutGuards(PolicyBundle bundle, RandomPolicies random, int inputs) {
        PolicyEngine guarded = new PolicyEngine(bundle);
        PolicyEngine plain = new PolicyEngine(bundle, false);
        for (int i = 0; i < inputs; i++) {
            PolicyInput in = random.input();
            assertThat(guarded.decide(in)).as("decision for %s", in).isEqualTo(plain.decide(in));
            assertThat(guarded.explain(in)).as("explanation for %s", in).isEqualTo(plain.explain(in));
        }
    }
}
