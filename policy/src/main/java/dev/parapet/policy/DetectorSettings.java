package dev.parapet.policy;

import dev.parapet.core.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a bundle tunes the detectors for its tenant ({@code detectors.yaml}): signatures switched
 * off or given another severity, what the DLP stage does with each entity type, and the risk
 * bands. Risk bands reach conditions as {@code risk_band}; redact and block entity actions
 * become rules ({@link EntityActionRules}); the gateway's detect stage drops or re-rates findings
 * for the rest.
 *
 * @param disabledSignatures  signature ids that never yield a finding
 * @param signatureSeverities a severity that replaces a signature's own
 * @param entityActions       what the DLP stage does with a finding type or a family
 *                            ({@code secret.*}); types not listed are detected and left to the rules
 * @param risk                the risk-score bands ({@code risk_band} in conditions)
 */
public record DetectorSettings(Set<String> disabledSignatures, Map<String, Severity> signatureSeverities,
                               Map<String, EntityAction> entityActions, RiskBand risk) {

    /** No overrides: the detectors as shipped. */
    public static final DetectorSettings NONE = new DetectorSettings(Set.of(), Map.of(), Map.of(), RiskBand.DEFAULT);

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
}
