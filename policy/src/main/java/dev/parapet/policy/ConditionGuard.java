package dev.parapet.policy;

import java.util.List;

/**
 * The guards of one condition's top-level conjuncts ({@link GuardExtractor}), which decide many
 * rules without running CEL: the condition is false when any guard is {@code FALSE}, and true when
 * every conjunct has an exact guard and all are {@code TRUE}; otherwise CEL decides.
 *
 * @param guards   the guards of the conjuncts that have one, in condition order
 * @param complete whether every conjunct has a guard and all of them are exact
 */
record ConditionGuard(List<RuleGuard> guards, boolean complete) {

    /** No guard: CEL always decides. */
    static final ConditionGuard NONE = new ConditionGuard(List.of(), false);

    ConditionGuard {
        guards = List.copyOf(guards);
        if (complete && (guards.isEmpty() || !guards.stream().allMatch(RuleGuard::exact))) {
            throw new IllegalArgumentException("a complete guard needs exact guards");
        }
    }

    /** {@code FALSE} or {@code TRUE} when the guards decide the condition for this input, else {@code UNKNOWN}. */
    RuleGuard.Truth test(InputIndex in) {
        boolean allTrue = true;
        for (RuleGuard g : guards) {
            RuleGuard.Truth t = g.test(in);
            if (t == RuleGuard.Truth.FALSE) {
                return RuleGuard.Truth.FALSE;
            }
            allTrue &= t == RuleGuard.Truth.TRUE;
        }
        return complete && allTrue ? RuleGuard.Truth.TRUE : RuleGuard.Truth.UNKNOWN;
    }
}
