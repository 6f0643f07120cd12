package dev.parapet.detect;

import dev.parapet.core.Finding;
import dev.parapet.detect.risk.RiskSignals;

import java.util.List;
import java.util.Objects;

/**
 * What {@link DetectionEngine#scan} saw.
 *
 * @param findings  every finding, ordered by message index, then start, end and type
 * @param signals   what the layers saw, condensed (the risk model's inputs)
 * @param riskScore 0–100, from every layer: the calibrated probability of attack in percent, or
 *                  the capped exposure of sensitive data when that is higher (see
 *                  {@link dev.parapet.detect.risk.RiskModel}); 0 when nothing was seen
 */
public record DetectionResult(List<Finding> findings, RiskSignals signals, int riskScore) {

    /** Copies {@code findings} and checks that {@code riskScore} is within 0..100. */
    public DetectionResult {
        findings = List.copyOf(findings);
        Objects.requireNonNull(signals, "signals");
        if (riskScore < 0 || riskScore > 100) {
            throw new IllegalArgumentException("riskScore out of 0..100: " + riskScore);
        }
    }

    /** The result with no findings and risk 0. */
    public static DetectionResult empty() {
        return new DetectionResult(List.of(), new RiskSignals(0, 0, 0, false, 0), 0);
    }
}
