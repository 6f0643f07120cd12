package dev.parapet.detect;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;

import java.util.Map;
import java.util.Set;

/**
 * A tenant's adjustments to what the detectors report, from its policy bundle
 * ({@code detectors.yaml}): signatures or recognizers switched off, signatures given another
 * severity, finding types (or whole families, {@code secret.*}) not looked for.
 *
 * @param disabledRules rule ids whose findings are dropped (e.g. {@code INJ-DLM-004},
 *                      {@code L3-CLASSIFIER})
 * @param severities    rule id → the severity its findings get instead of their own
 * @param ignoredTypes  finding types or {@code family.*} entries whose findings are dropped
 */
public record FindingOverrides(Set<String> disabledRules, Map<String, Severity> severities, Set<String> ignoredTypes) {

    /** No adjustments. */
    public static final FindingOverrides NONE = new FindingOverrides(Set.of(), Map.of(), Set.of());

    public FindingOverrides {
        disabledRules = Set.copyOf(disabledRules);
        severities = Map.copyOf(severities);
        ignoredTypes = Set.copyOf(ignoredTypes);
    }

    /** Whether there is nothing to adjust. */
    public boolean isEmpty() {
        return disabledRules.isEmpty() && severities.isEmpty() && ignoredTypes.isEmpty();
    }

    /** {@code f} as this tenant sees it, or null when it is dropped. */
    Finding apply(Finding f) {
        if (disabledRules.contains(f.ruleId()) || ignoredTypes.contains(f.type()) || ignoredTypes.contains(f.family() + ".*")) {
            return null;
        }
        Severity s = severities.get(f.ruleId());
        return s == null || s == f.severity() ? f
                : new Finding(f.type(), f.family(), f.ruleId(), s, f.confidence(), f.messageIndex(), f.start(), f.end());
    }
}
