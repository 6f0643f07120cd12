package dev.parapet.policy;

import dev.cel.runtime.CelRuntime;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A rule's condition compiled at load time.
 *
 * @param program the CEL program (immutable, thread-safe)
 * @param guard   what decides the condition for many inputs without running the program
 * @param reads   the input fields the program can read ({@link ConditionReads})
 */
record CompiledCondition(CelRuntime.Program program, ConditionGuard guard, Set<InputField> reads) {

    CompiledCondition {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(guard, "guard");
        reads = reads.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reads));
    }
}
