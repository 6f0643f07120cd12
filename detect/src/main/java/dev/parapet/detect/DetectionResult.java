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

    /**
     * This result with further findings added (e.g. behavioural anomalies found outside the text),
     * the risk score recomputed over all of them.
     */
    public DetectionResult with(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new DetectionResult(all, RiskScore.of(all));
    }

    /** The result with no findings and risk 0. */
    public static DetectionResult empty() {
        return new DetectionResult(List.of(), 0);
    }
}
