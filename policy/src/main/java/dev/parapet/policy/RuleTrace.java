package dev.parapet.policy;

import dev.parapet.core.Action;

import java.util.Locale;
import java.util.Objects;

/**
 * How one rule's condition evaluated for one input.
 *
 * @param ruleId  the rule
 * @param action  the action the rule asks for when it matches
 * @param outcome whether the condition was true, false, or failed
 * @param error   what went wrong when the outcome is {@link Outcome#ERROR}; empty otherwise
 */
public record RuleTrace(String ruleId, Action action, Outcome outcome, String error) {

    /** Checks for nulls and that only an error carries a message. */
    public RuleTrace {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        if ((outcome == Outcome.ERROR) == error.isEmpty()) {
            throw new IllegalArgumentException("an error outcome, and only it, carries a message");
        }
    }

    /** What a rule's condition yielded. */
    public enum Outcome {
        /** The condition was true. */
        MATCHED,
        /** The condition was false. */
        NOT_MATCHED,
        /** The condition failed or did not yield a bool. */
        ERROR;

        /** The lower-case name used in reports: {@code matched}, {@code not_matched}, {@code error}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
