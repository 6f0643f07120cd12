package dev.parapet.detect;

import dev.parapet.core.Finding;

import java.util.List;

/**
 * What {@link DetectionEngine#scan} saw.
 *
 * @param findings  every finding, ordered by message index, then start, end and type
 * @param riskScore 0–100: the highest, over all findings, of the finding's severity score
 *                  (low 25, medium 50, high 75, critical 100) multiplied by its confidence and
 *                  rounded; 0 when there are no findings
 */
public record DetectionResult(List<Finding> findings, int riskScore) {

    /** Copies {@code findings} and checks that {@code riskScore} is within 0..100. */
    public DetectionResult {
        findings = List.copyOf(findings);
        if (riskScore < 0 || riskScore > 100) {
            throw new IllegalArgumentException("riskScore out of 0..100: " + riskScore);
        }
    }

    /** The result with no findings and risk 0. */
    public static DetectionResult empty() {
        return new DetectionResult(List.of(), 0);
    }
}
