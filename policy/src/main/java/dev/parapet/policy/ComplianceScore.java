package dev.parapet.policy;

import java.util.List;

/**
 * How far an interaction was from the tenant's policy, 0–100, for dashboards and evidence:
 * 100 when no rule matched; otherwise 100 minus the weight of the most serious rule that
 * matched, enforced or only monitored — its severity (low 10, medium 25, high 50, critical 75)
 * or, when it has none, its action (allow 0, alert 10, redact 25, hold 50, block 75). A decision
 * made fail-closed on a policy error scores 0: its compliance is unknown.
 */
final class ComplianceScore {

    /** The score of a fail-closed decision. */
    static final int UNKNOWN = 0;

    private ComplianceScore() {
    }

    static int of(List<PolicyRule> matched) {
        int worst = 0;
        for (PolicyRule rule : matched) {
            worst = Math.max(worst, weight(rule));
        }
        return 100 - worst;
    }

    static int weight(PolicyRule rule) {
        if (rule.severity() != null) {
            return switch (rule.severity()) {
                case LOW -> 10;
                case MEDIUM -> 25;
                case HIGH -> 50;
                case CRITICAL -> 75;
            };
        }
        return switch (rule.action()) {
            case ALLOW -> 0;
            case ALERT -> 10;
            case REDACT -> 25;
            case HOLD -> 50;
            case BLOCK -> 75;
        };
    }
}
