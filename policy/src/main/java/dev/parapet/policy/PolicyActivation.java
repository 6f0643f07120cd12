package dev.parapet.policy;

import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import dev.cel.runtime.CelVariableResolver;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL variables of one decision ({@link PolicyCel} lists them), built from a
 * {@link PolicyInput} lazily: a variable is built the first time a condition reads it, then kept
 * for the other rules of the same decision, so a decision whose conditions never read
 * {@code findings} or {@code time} never builds them. One instance serves one decision on one
 * thread. Integers are {@code Long} and reals {@code Double}, as CEL expects; nothing here holds
 * message text.
 */
final class PolicyActivation implements CelVariableResolver {

    private static final Map<String, Object> NO_TOOL = Map.of("name", "", "arguments", Map.of());

    private final InputIndex index;
    private final PolicyInput in;
    private Optional<Object> principal;
    private Optional<Object> request;
    private Optional<Object> findings;
    private Optional<Object> risk;
    private Optional<Object> riskBand;
    private Optional<Object> tool;
    private Optional<Object> time;

    PolicyActivation(InputIndex index) {
        this.index = index;
        this.in = index.input();
    }

    /**
     * The value of a declared variable, empty for any other name.
     *
     * @throws VariableException when the input cannot be turned into the variable
     */
    @Override
    public Optional<Object> find(String name) {
        try {
            return switch (name) {
                case "principal" -> principal != null ? principal : (principal = Optional.of(principal(in.principal())));
                case "request" -> request != null ? request : (request = Optional.of(request(in.interaction())));
                case "findings" -> findings != null ? findings : (findings = Optional.of(findings(in.findings())));
                case "risk" -> risk != null ? risk : (risk = Optional.of((long) in.riskScore()));
                case "risk_band" -> riskBand != null ? riskBand : (riskBand = Optional.of(index.string(InputField.RISK_BAND)));
                case "tool" -> tool != null ? tool : (tool = Optional.of(tool(in)));
                case "time" -> time != null ? time : (time = Optional.of(Timestamp.newBuilder()
                        .setSeconds(in.at().getEpochSecond()).setNanos(in.at().getNano()).build()));
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            throw new VariableException(name, e);
        }
    }

    /** Builds every variable now: for callers that want a failure before any condition runs. */
    PolicyActivation buildAll() {
        for (String name : PolicyCel.VARIABLES) {
            find(name);
        }
        return this;
    }

    private static Object tool(PolicyInput in) {
        return in.tool() == null ? NO_TOOL : Map.of("name", in.tool().name(), "arguments", celValue(in.tool().arguments()));
    }

    /** A JSON value with Java nulls replaced by CEL's null, which maps and lists may hold. */
    private static Object celValue(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
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
                "kind", InputIndex.kindName(p.kind()),
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

    /** A variable could not be built from the input: the whole decision fails closed. */
    static final class VariableException extends RuntimeException {
        VariableException(String variable, RuntimeException cause) {
            super("the input cannot be turned into the condition variable '" + variable + "': " + cause.getMessage(), cause);
        }

        /** The exception in {@code e}'s cause chain (CEL may wrap it), or null. */
        static VariableException in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof VariableException v) {
                    return v;
                }
            }
            return null;
        }
    }
}
