package dev.parapet.policy.testing;

import dev.parapet.policy.PolicyExplanation;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one policy test.
 *
 * @param testCase    the case
 * @param explanation the decision the bundle made, with its rule trace
 * @param mismatches  how the decision differs from the expectation; empty when the case passed
 */
public record CaseResult(PolicyTestCase testCase, PolicyExplanation explanation, List<String> mismatches) {

    /** Checks for nulls and copies the mismatches. */
    public CaseResult {
        Objects.requireNonNull(testCase, "testCase");
        Objects.requireNonNull(explanation, "explanation");
        mismatches = List.copyOf(mismatches);
    }

    /** Whether the decision met the expectation. */
    public boolean passed() {
        return mismatches.isEmpty();
    }
}
