package dev.parapet.policy;

/** What a bundle does when a rule's condition cannot be evaluated. */
public enum OnError {
    /** Block the interaction with reason {@code policy_error}. */
    FAIL_CLOSED,
    /** Skip the failing rule and decide on the others. */
    FAIL_OPEN;

    static OnError fromWireName(String name) {
        return switch (name) {
            case "fail_closed" -> FAIL_CLOSED;
            case "fail_open" -> FAIL_OPEN;
            default -> throw new IllegalArgumentException("unknown on_error '" + name + "' (expected fail_closed or fail_open)");
        };
    }
}
