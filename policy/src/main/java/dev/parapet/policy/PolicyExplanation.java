package dev.parapet.policy;

import java.util.List;
import java.util.Objects;

/**
 * A decision with the evaluation of every rule that led to it, for tools that show why
 * ({@code parapet policy test}); see {@link PolicyEngine#explain}.
 *
 * @param decision what {@link PolicyEngine#decide} decides for the input
 * @param trace    every rule of the bundle, in order, with how its condition evaluated
 */
public record PolicyExplanation(PolicyDecision decision, List<RuleTrace> trace) {

    /** Checks for nulls and copies the trace. */
    public PolicyExplanation {
        Objects.requireNonNull(decision, "decision");
        trace = List.copyOf(trace);
    }
}
