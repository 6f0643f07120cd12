package dev.parapet.policy;

import dev.cel.common.exceptions.CelAttributeNotFoundException;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates every rule of a bundle over one input and records each outcome, errors with their
 * message. Unlike a decision it does not stop at the first failing rule of a fail-closed bundle.
 */
final class RuleTracer {

    private RuleTracer() {
    }

    /** With {@code guarded}, a rule its guard decides is reported as the guard decides it, as decisions do. */
    static List<RuleTrace> trace(PolicyBundle bundle, PolicyInput in, boolean guarded) {
        List<RuleTrace> trace = new ArrayList<>(bundle.rules().size());
        InputIndex index = new InputIndex(in, bundle.riskBand());
        PolicyActivation activation;
        try {
            activation = new PolicyActivation(index).buildAll();
        } catch (PolicyActivation.VariableException e) {
            for (PolicyRule rule : bundle.rules()) {
                trace.add(new RuleTrace(rule.id(), rule.action(), RuleTrace.Outcome.ERROR,
                        "the input cannot be turned into condition variables: " + message(e.getCause())));
            }
            return trace;
        }
        for (PolicyRule rule : bundle.rules()) {
            RuleGuard.Truth guard = guarded ? rule.condition().guard().test(index) : RuleGuard.Truth.UNKNOWN;
            trace.add(switch (guard) {
                case TRUE -> new RuleTrace(rule.id(), rule.action(), RuleTrace.Outcome.MATCHED, "");
                case FALSE -> new RuleTrace(rule.id(), rule.action(), RuleTrace.Outcome.NOT_MATCHED, "");
                case UNKNOWN -> evaluate(rule, activation);
            });
        }
        return trace;
    }

    private static RuleTrace evaluate(PolicyRule rule, PolicyActivation activation) {
        Object result;
        try {
            result = rule.condition().program().eval(activation);
        } catch (Exception e) {
            return new RuleTrace(rule.id(), rule.action(), RuleTrace.Outcome.ERROR, message(e));
        } catch (StackOverflowError e) {
            return new RuleTrace(rule.id(), rule.action(), RuleTrace.Outcome.ERROR, "the condition recursed too deeply");
        }
        if (result instanceof Boolean b) {
            return new RuleTrace(rule.id(), rule.action(), b ? RuleTrace.Outcome.MATCHED : RuleTrace.Outcome.NOT_MATCHED, "");
        }
        return new RuleTrace(rule.id(), rule.action(), RuleTrace.Outcome.ERROR, "the condition yielded "
                + (result == null ? "null" : result.getClass().getSimpleName()) + ", not a bool");
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // CEL names only the key; say what is wrong with it
        return e.getCause() instanceof CelAttributeNotFoundException
                ? m + ": no such key (guard optional keys with 'in')" : m;
    }
}
