package dev.parapet.policy;

import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
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

    private static final Map<String, Object> NO_TOOL = Map.of("name", "", "arguments", Map.of());

    private PolicyActivation() {
    }

    static Map<String, Object> of(PolicyInput in, RiskBand band) {
        return Map.of(
                "principal", principal(in.principal()),
                "request", request(in.interaction()),
                "findings", findings(in.findings()),
                "risk", (long) in.riskScore(),
                "risk_band", band.of(in.riskScore()),
                "tool", in.tool() == null ? NO_TOOL : Map.of("name", in.tool().name(), "arguments", celValue(in.tool().arguments())),
                "time", Timestamp.newBuilder().setSeconds(in.at().getEpochSecond()).setNanos(in.at().getNano()).build());
    }

    /** A JSON value with Java nulls replaced by CEL's null, which maps and lists may hold. */
    private static Object celValue(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, celValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(celValue(v)));
            return out;
        }
        return value;
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
