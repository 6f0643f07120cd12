package dev.parapet.policy;

import dev.parapet.core.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a bundle tunes the detectors for its tenant ({@code detectors.yaml}): signatures switched
 * off or given another severity, what the DLP stage does with each entity type, and the risk
 * thresholds. Parsed and validated with the bundle; the detect stage applies them (a later
 * increment of issue #4).
 *
 * @param disabledSignatures  signature ids that never yield a finding
 * @param signatureSeverities a severity that replaces a signature's own
 * @param entityActions       what the DLP stage does with a finding type or a family
 *                            ({@code secret.*}); types not listed are detected and left to the rules
 * @param risk                the risk-score thresholds
 */
public record DetectorSettings(Set<String> disabledSignatures, Map<String, Severity> signatureSeverities,
                               Map<String, EntityAction> entityActions, RiskThresholds risk) {

    /** No overrides: the detectors as shipped. */
    public static final DetectorSettings NONE = new DetectorSettings(Set.of(), Map.of(), Map.of(), RiskThresholds.NONE);

    /** Copies the collections and checks that no signature is both disabled and re-rated. */
    public DetectorSettings {
        disabledSignatures = Set.copyOf(disabledSignatures);
        signatureSeverities = Map.copyOf(signatureSeverities);
        entityActions = Map.copyOf(entityActions);
        Objects.requireNonNull(risk, "risk");
        for (String id : signatureSeverities.keySet()) {
            if (disabledSignatures.contains(id)) {
                throw new IllegalArgumentException("signature " + id + " is both disabled and given a severity");
            }
        }
    }

    /** What the DLP stage does with the findings of one entity type. */
    public enum EntityAction {
        /** Do not look for it: no finding. */
        IGNORE,
        /** Report the finding and let the rules decide (what types not listed get). */
        DETECT,
        /** Mask it whatever the rules say. */
        REDACT,
        /** Refuse the request whatever the rules say. */
        BLOCK;

        /** The lower-case name used in {@code detectors.yaml}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static EntityAction fromWireName(String name) {
            for (EntityAction a : values()) {
                if (a.wireName().equals(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown entity action '" + name + "' (expected ignore, detect, redact or block)");
        }
    }

    /**
     * Thresholds on the risk score (0–100).
     *
     * @param block a score at or above which the request is refused, if set
     * @param hold  a band of scores for which the request is held for review, if set; it lies
     *              below {@code block}
     */
    public record RiskThresholds(OptionalInt block, Optional<Band> hold) {

        /** No thresholds: only the rules decide. */
        public static final RiskThresholds NONE = new RiskThresholds(OptionalInt.empty(), Optional.empty());

        /** Checks the ranges and that the hold band ends at or below the block threshold. */
        public RiskThresholds {
            Objects.requireNonNull(block, "block");
            Objects.requireNonNull(hold, "hold");
            if (block.isPresent() && (block.getAsInt() < 1 || block.getAsInt() > 100)) {
                throw new IllegalArgumentException("block must be from 1 to 100, not " + block.getAsInt());
            }
            if (block.isPresent() && hold.isPresent() && hold.get().high() > block.getAsInt()) {
                throw new IllegalArgumentException("the hold band " + hold.get() + " overlaps block at "
                        + block.getAsInt() + " (its upper end must be at most the block threshold)");
            }
        }
    }

    /**
     * A half-open band of risk scores, [low, high).
     *
     * @param low  the lowest score in the band, 0–99
     * @param high the first score above the band, low+1–100
     */
    public record Band(int low, int high) {

        /** Checks that {@code 0 <= low < high <= 100}. */
        public Band {
            if (low < 0 || high > 100 || low >= high) {
                throw new IllegalArgumentException("a band [low, high) needs 0 <= low < high <= 100, not [" + low + ", " + high + ")");
            }
        }

        /** Whether {@code score} lies in the band. */
        public boolean contains(int score) {
            return score >= low && score < high;
        }

        @Override
        public String toString() {
            return "[" + low + ", " + high + ")";
        }
    }
}
