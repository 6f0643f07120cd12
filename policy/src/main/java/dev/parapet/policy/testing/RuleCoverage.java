package dev.parapet.policy.testing;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which rules of a bundle the policy tests exercise: a rule is covered when its condition was
 * true for at least one case (whether or not its action won).
 *
 * @param rules   every rule id of the bundle, in order
 * @param covered the ids of the covered rules, in bundle order
 */
public record RuleCoverage(List<String> rules, List<String> covered) {

    /** Copies the lists and checks that only rules of the bundle are covered. */
    public RuleCoverage {
        rules = List.copyOf(rules);
        covered = List.copyOf(covered);
        if (!Set.copyOf(rules).containsAll(covered)) {
            throw new IllegalArgumentException("covered rules " + covered + " are not all among " + rules);
        }
    }

    /** The rules no case matched, in bundle order. */
    public List<String> uncovered() {
        return rules.stream().filter(r -> !covered.contains(r)).toList();
    }

    /** The covered share of rules, 0–100; 100 for a bundle without rules. */
    public double percent() {
        return rules.isEmpty() ? 100.0 : 100.0 * covered.size() / rules.size();
    }

    /** {@link #percent()} with one decimal, e.g. {@code 83.3}. */
    public String percentText() {
        return String.format(Locale.ROOT, "%.1f", percent());
    }
}
