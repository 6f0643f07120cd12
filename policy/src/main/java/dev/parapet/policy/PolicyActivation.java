package dev.parapet.policy;

import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the CEL variables of one decision ({@link PolicyCel} lists them) from a
 * {@link PolicyInput}, once per decision. Integers are {@code Long} and reals {@code Double}, as
 * CEL expects; nothing here holds message text.
 */
final class PolicyActivation {

    private PolicyActivation() {
    }

    static Map<String, Object> of(PolicyInput in, RiskBand band) {
        return Map.of(
                "principal", principal(in.principal()),
                "request", request(in.interaction()),
                "findings", findings(in.findings()),
                "risk", (long) in.riskScore(),
                "risk_band", band.of(in.riskScore()));
    }

    private static Map<String, Object> principal(Principal p) {
        return Map.of(
                "tenant", p.tenantId(),
                "id", p.id(),
                "kind", p.kind().name().toLowerCase(Locale.ROOT),
                "role", p.role(),
                "attributes", p.attributes());
    }

    private static Map<String, Object> request(Interaction i) {
        return Map.of(
                "provider", i.provider(),
                "endpoint", i.endpoint(),
                "model", i.model(),
                "stream", i.stream(),
                "message_count", (long) i.messages().size(),
                "bytes", (long) i.requestBytes());
    }

    private static List<Map<String, Object>> findings(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(Map.of(
                    "type", f.type(),
                    "family", f.family(),
                    "rule_id", f.ruleId(),
                    "severity", f.severity().wireName(),
                    "confidence", f.confidence()));
        }
        return out;
    }
}
