package dev.parapet.gateway.stage;

import dev.parapet.detect.FindingOverrides;
import dev.parapet.policy.DetectorSettings;
import dev.parapet.policy.PolicyBundle;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@link FindingOverrides} a bundle's {@code detectors.yaml} asks for: disabled signatures,
 * re-rated severities and DLP entity types set to {@code ignore}. ({@code redact} and
 * {@code block} entity actions are rules of the bundle, evaluated by policy.) Remembers the last
 * bundle's overrides, so a request costs one reference comparison.
 */
final class TenantDetectorSettings {

    private record Cached(PolicyBundle bundle, FindingOverrides overrides) {
    }

    private volatile Cached last = new Cached(null, FindingOverrides.NONE);

    FindingOverrides of(PolicyBundle bundle) {
        Cached c = last;
        if (c.bundle() == bundle) {
            return c.overrides();
        }
        FindingOverrides overrides = overrides(bundle.detectors());
        last = new Cached(bundle, overrides);
        return overrides;
    }

    static FindingOverrides overrides(DetectorSettings settings) {
        Set<String> ignored = new HashSet<>();
        settings.entityActions().forEach((type, action) -> {
            if (action == DetectorSettings.EntityAction.IGNORE) {
                ignored.add(type);
            }
        });
        return new FindingOverrides(settings.disabledSignatures(), settings.signatureSeverities(), ignored);
    }
}
