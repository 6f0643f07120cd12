package dev.parapet.detect.risk;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;

import java.util.List;

/**
 * What the detection layers saw in one interaction, condensed to the inputs of the risk model.
 *
 * @param signature  the strongest injection signature: severity score (low .25, medium .5, high
 *                   .75, critical 1) times confidence, 0 when none matched
 * @param classifier the L3 classifier's highest probability over the messages and their views,
 *                   0 when it did not run
 * @param heuristic  the highest confidence of an L2 heuristic or behavioural finding, 0 when none
 * @param obfuscated whether the text disguised itself (an {@code obfuscation.*} finding)
 * @param exposure   the most sensitive data found (DLP and secrets): severity score 0–100 times
 *                   confidence
 */
public record RiskSignals(double signature, double classifier, double heuristic, boolean obfuscated, int exposure) {

    /** The rule id of classifier findings, which are not signatures. */
    static final String CLASSIFIER_RULE = "L3-CLASSIFIER";

    /** Checks the ranges. */
    public RiskSignals {
        check("signature", signature);
        check("classifier", classifier);
        check("heuristic", heuristic);
        if (exposure < 0 || exposure > 100) {
            throw new IllegalArgumentException("exposure out of 0..100: " + exposure);
        }
    }

    /** The signals of {@code findings}, with the classifier's highest probability. */
    public static RiskSignals of(List<Finding> findings, double classifierProbability) {
        double signature = 0;
        double heuristic = 0;
        boolean obfuscated = false;
        int exposure = 0;
        for (Finding f : findings) {
            double weight = severityScore(f.severity()) / 100.0 * f.confidence();
            switch (f.family()) {
                case "injection" -> {
                    if (!CLASSIFIER_RULE.equals(f.ruleId())) {
                        signature = Math.max(signature, weight);
                    }
                }
                case "heuristic" -> heuristic = Math.max(heuristic, f.confidence());
                case "obfuscation" -> obfuscated = true;
                default -> exposure = Math.max(exposure, (int) Math.round(weight * 100));
            }
        }
        return new RiskSignals(signature, Math.clamp(classifierProbability, 0.0, 1.0), heuristic, obfuscated, exposure);
    }

    /** Low 25, medium 50, high 75, critical 100. */
    public static int severityScore(Severity severity) {
        return switch (severity) {
            case LOW -> 25;
            case MEDIUM -> 50;
            case HIGH -> 75;
            case CRITICAL -> 100;
        };
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " out of 0..1: " + value);
        }
    }
}
