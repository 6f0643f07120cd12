package dev.parapet.policy.testing;

import java.util.List;
import java.util.Objects;

/**
 * The results of running a bundle's policy tests.
 *
 * @param results  one per case, in the order the cases were read
 * @param coverage which rules the cases exercised
 */
public record PolicyTestReport(List<CaseResult> results, RuleCoverage coverage) {

    /** Checks for nulls and copies the results. */
    public PolicyTestReport {
        results = List.copyOf(results);
        Objects.requireNonNull(coverage, "coverage");
    }

    /** How many cases passed. */
    public int passed() {
        return (int) results.stream().filter(CaseResult::passed).count();
    }

    /** How many cases failed. */
    public int failed() {
        return results.size() - passed();
    }

    /** Whether every case passed (true when there are none). */
    public boolean allPassed() {
        return failed() == 0;
    }
}
