package dev.parapet.policy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a {@link PolicyInput} a condition can read, one per field of the CEL variables
 * ({@link PolicyCel}): what guards test ({@link RuleGuard}) and what a decision cache keys on
 * ({@link ConditionReads}).
 */
enum InputField {
    PRINCIPAL_TENANT("principal", "tenant", Kind.STRING),
    PRINCIPAL_ID("principal", "id", Kind.STRING),
    PRINCIPAL_KIND("principal", "kind", Kind.STRING),
    PRINCIPAL_ROLE("principal", "role", Kind.STRING),
    PRINCIPAL_ATTRIBUTES("principal", "attributes", Kind.OTHER),
    REQUEST_PROVIDER("request", "provider", Kind.STRING),
    REQUEST_ENDPOINT("request", "endpoint", Kind.STRING),
    REQUEST_MODEL("request", "model", Kind.STRING),
    REQUEST_STREAM("request", "stream", Kind.BOOL),
    REQUEST_MESSAGE_COUNT("request", "message_count", Kind.INT),
    REQUEST_BYTES("request", "bytes", Kind.INT),
    FINDINGS("findings", null, Kind.OTHER),
    RISK("risk", null, Kind.INT),
    RISK_BAND("risk_band", null, Kind.STRING),
    TOOL_NAME("tool", "name", Kind.STRING),
    TOOL_ARGUMENTS("tool", "arguments", Kind.OTHER),
    TIME("time", null, Kind.OTHER);

    /** The CEL type of a field, as far as guards care. */
    enum Kind { STRING, INT, BOOL, OTHER }

    private final String variable;
    private final String field;
    private final Kind kind;

    InputField(String variable, String field, Kind kind) {
        this.variable = variable;
        this.field = field;
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** {@code variable} itself when it is not a map ({@code risk}), else empty. */
    static Optional<InputField> ofVariable(String variable) {
        for (InputField f : values()) {
            if (f.variable.equals(variable) && f.field == null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The entry {@code field} of the map variable {@code variable} ({@code request.model}), else empty. */
    static Optional<InputField> of(String variable, String field) {
        for (InputField f : values()) {
            if (f.variable.equals(variable) && field.equals(f.field)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every field of a declared variable; empty for any other name. */
    static Set<InputField> allOf(String variable) {
        Set<InputField> out = EnumSet.noneOf(InputField.class);
        for (InputField f : values()) {
            if (f.variable.equals(variable)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return field == null ? variable : variable + "." + field;
    }
}
