package dev.parapet.policy;

/**
 * Whether a matching rule changes traffic.
 *
 * <ul>
 *   <li>{@link #ENFORCE}: it does (the default);</li>
 *   <li>{@link #MONITOR}: it never does; its match is only reported
 *       ({@link PolicyDecision#monitoredRuleIds()}), to see what a rule would do before it is
 *       enforced;</li>
 *   <li>{@link #CANARY}: it does for a stable share of principals (the rule's
 *       {@code canary_percent}), and is monitored for the others.</li>
 * </ul>
 */
enum RuleMode {
    ENFORCE, MONITOR, CANARY;

    static RuleMode fromWireName(String name) {
        return switch (name) {
            case "enforce" -> ENFORCE;
            case "monitor" -> MONITOR;
            case "canary" -> CANARY;
            default -> throw new IllegalArgumentException("unknown mode '" + name + "' (expected enforce, monitor or canary)");
        };
    }
}
