package dev.parapet.policy;

import dev.cel.runtime.CelRuntime;

import java.util.Objects;

/**
 * A rule's condition compiled at load time.
 *
 * @param program the CEL program (immutable, thread-safe)
 * @param guard   what decides the condition for many inputs without running the program
 */
record CompiledCondition(CelRuntime.Program program, ConditionGuard guard) {

    CompiledCondition {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(guard, "guard");
    }
}
