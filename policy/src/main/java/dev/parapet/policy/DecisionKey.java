package dev.parapet.policy;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a verdict depends on, for one input: how every rule's guard came out
 * ({@link RuleGuard.Truth}, two bits a rule), and the values of the fields read by the rules whose
 * condition CEL has to evaluate (and the principal's tenant and id when a canary rule may match,
 * as they pick the canary's share). Two inputs with equal keys get the same verdict: a rule ruled
 * out by its guard is not matched for both, a rule its guards match is matched for both, and every
 * other rule's program reads equal values.
 *
 * <p>Values are as conditions see them, in an order-preserving form (a condition can observe the
 * order of a map's keys); findings without their spans, which conditions never see.
 */
final class DecisionKey {

    private final long[] states;
    private final Object[] values;
    private final int hash;

    DecisionKey(long[] states, Object[] values) {
        this.states = states;
        this.values = values;
        this.hash = 31 * Arrays.hashCode(states) + Arrays.deepHashCode(values);
    }

    /** What a finding looks like to a condition. */
    private record FindingView(String type, String family, String ruleId, Severity severity, double confidence) {
    }

    /** The value of {@code field} in {@code in}, as the key holds it; never for {@link InputField#TIME}. */
    static Object value(InputField field, InputIndex in) {
        return switch (field.kind()) {
            case STRING -> in.string(field);
            case INT -> in.integer(field);
            case BOOL -> in.bool(field);
            case OTHER -> switch (field) {
                case PRINCIPAL_ATTRIBUTES -> ordered(in.attributes());
                case TOOL_ARGUMENTS -> in.input().tool() == null ? List.of() : ordered(in.input().tool().arguments());
                case FINDINGS -> findings(in.input().findings());
                default -> throw new IllegalArgumentException(field + " has no key value");
            };
        };
    }

    private static List<FindingView> findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<FindingView> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(new FindingView(f.type(), f.family(), f.ruleId(), f.severity(), f.confidence()));
        }
        return out;
    }

    /** Maps as lists of key and value, in iteration order, all the way down; nulls kept. */
    private static Object ordered(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Object> out = new ArrayList<>(map.size() * 2 + 1);
            out.add(Map.class); // an empty map and an empty list differ
            map.forEach((k, v) -> {
                out.add(k);
                out.add(ordered(v));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(ordered(v)));
            return out;
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecisionKey k && hash == k.hash && Arrays.equals(states, k.states)
                && Arrays.deepEquals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "DecisionKey" + Arrays.toString(states) + Arrays.deepToString(values);
    }
}
