package dev.parapet.policy;

/**
 * Whether one rule's condition holds for one input: its guard decides when it can
 * ({@link ConditionGuard}), else its CEL program runs over the lazily built variables.
 */
final class ConditionEvaluation {

    private ConditionEvaluation() {
    }

    /**
     * True or false, or null when the condition failed or did not yield a bool.
     *
     * @param guard what the rule's guard says for this input ({@link ConditionGuard#test});
     *              {@code UNKNOWN} runs the program
     * @throws PolicyActivation.VariableException when a variable the condition reads cannot be built
     */
    static Boolean holds(PolicyRule rule, RuleGuard.Truth guard, PolicyActivation activation) {
        switch (guard) {
            case TRUE -> {
                return true;
            }
            case FALSE -> {
                return false;
            }
            case UNKNOWN -> {
            }
        }
        try {
            return rule.condition().program().eval(activation) instanceof Boolean b ? b : null;
        } catch (Exception e) {
            PolicyActivation.VariableException cause = PolicyActivation.VariableException.in(e);
            if (cause != null) {
                throw cause;
            }
            return null;
        } catch (StackOverflowError e) {
            return null;
        }
    }
}
