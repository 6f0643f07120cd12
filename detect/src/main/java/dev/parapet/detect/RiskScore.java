package dev.parapet.detect;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;

import java.util.List;

/**
 * The risk score of a set of findings: the maximum over findings of
 * {@code round(severityScore × confidence)}, where low = 25, medium = 50, high = 75 and
 * critical = 100. The maximum, not a sum, so that many low findings never add up to a block.
 */
final class RiskScore {

    private RiskScore() {
    }

    static int of(List<Finding> findings) {
        int max = 0;
        for (Finding f : findings) {
            max = Math.max(max, (int) Math.round(severityScore(f.severity()) * f.confidence()));
        }
        return max;
    }

    static int severityScore(Severity severity) {
        return switch (severity) {
            case LOW -> 25;
            case MEDIUM -> 50;
            case HIGH -> 75;
            case CRITICAL -> 100;
        };
    }
}
