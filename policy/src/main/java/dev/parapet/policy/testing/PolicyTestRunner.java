package dev.parapet.policy.testing;

import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyExplanation;
import dev.parapet.policy.RuleTrace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Runs policy tests against a bundle: decides each case, compares, and measures rule coverage. */
public final class PolicyTestRunner {

    private PolicyTestRunner() {
    }

    /** Runs every case against {@code bundle}. Never throws for a failing case: it is a result. */
    public static PolicyTestReport run(PolicyBundle bundle, List<PolicyTestCase> cases) {
        PolicyEngine engine = new PolicyEngine(bundle);
        List<CaseResult> results = new ArrayList<>(cases.size());
        Set<String> matched = new HashSet<>();
        for (PolicyTestCase c : cases) {
            PolicyExplanation explanation = engine.explain(c.input());
            for (RuleTrace t : explanation.trace()) {
                if (t.outcome() == RuleTrace.Outcome.MATCHED) {
                    matched.add(t.ruleId());
                }
            }
            results.add(new CaseResult(c, explanation, c.expect().mismatches(explanation.decision())));
        }
        List<String> covered = bundle.ruleIds().stream().filter(matched::contains).toList();
        return new PolicyTestReport(results, new RuleCoverage(bundle.ruleIds(), covered));
    }
}
