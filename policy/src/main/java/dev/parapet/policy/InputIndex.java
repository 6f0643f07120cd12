package dev.parapet.policy;

import dev.parapet.core.Finding;
import dev.parapet.core.Principal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What guards ({@link RuleGuard}) read of one input, in constant time per field: the fields
 * themselves, the risk band, and the distinct finding types and families (collected on first
 * use). One instance serves one decision on one thread.
 */
final class InputIndex {

    private static final String[] KIND_NAMES = kindNames();

    private final PolicyInput in;
    private final String riskBand;
    private List<String> types;
    private List<String> families;

    InputIndex(PolicyInput in, RiskBand band) {
        this.in = in;
        this.riskBand = band.of(in.riskScore());
    }

    PolicyInput input() {
        return in;
    }

    /** A field of kind {@link InputField.Kind#STRING}, as CEL sees it. */
    String string(InputField field) {
        return switch (field) {
            case PRINCIPAL_TENANT -> in.principal().tenantId();
            case PRINCIPAL_ID -> in.principal().id();
            case PRINCIPAL_KIND -> kindName(in.principal().kind());
            case PRINCIPAL_ROLE -> in.principal().role();
            case REQUEST_PROVIDER -> in.interaction().provider();
            case REQUEST_ENDPOINT -> in.interaction().endpoint();
            case REQUEST_MODEL -> in.interaction().model();
            case RISK_BAND -> riskBand;
            case TOOL_NAME -> in.tool() == null ? "" : in.tool().name();
            default -> throw new IllegalArgumentException(field + " is not a string");
        };
    }

    /** A field of kind {@link InputField.Kind#INT}. */
    long integer(InputField field) {
        return switch (field) {
            case REQUEST_MESSAGE_COUNT -> in.interaction().messages().size();
            case REQUEST_BYTES -> in.interaction().requestBytes();
            case RISK -> in.riskScore();
            default -> throw new IllegalArgumentException(field + " is not an int");
        };
    }

    /** A field of kind {@link InputField.Kind#BOOL}. */
    boolean bool(InputField field) {
        if (field != InputField.REQUEST_STREAM) {
            throw new IllegalArgumentException(field + " is not a bool");
        }
        return in.interaction().stream();
    }

    Map<String, String> attributes() {
        return in.principal().attributes();
    }

    /** Whether {@code findings} is too long for a comprehension to finish ({@link PolicyCel#MAX_COMPREHENSION_ITERATIONS}). */
    boolean findingsExceedComprehensionLimit() {
        return in.findings().size() >= PolicyCel.MAX_COMPREHENSION_ITERATIONS;
    }

    /** Whether some finding's type is in {@code types} or its family in {@code families}. */
    boolean anyFinding(Set<String> types, Set<String> families) {
        if (in.findings().isEmpty()) {
            return false;
        }
        if (this.types == null) {
            collect();
        }
        return anyIn(this.types, types) || anyIn(this.families, families);
    }

    private static boolean anyIn(List<String> present, Set<String> wanted) {
        if (wanted.isEmpty()) {
            return false;
        }
        for (String s : present) {
            if (wanted.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private void collect() {
        Set<String> t = new HashSet<>();
        Set<String> f = new HashSet<>();
        for (Finding finding : in.findings()) {
            t.add(finding.type());
            f.add(finding.family());
        }
        types = new ArrayList<>(t);
        families = new ArrayList<>(f);
    }

    /** How conditions see a principal's kind: its lower-case name. */
    static String kindName(Principal.Kind kind) {
        return KIND_NAMES[kind.ordinal()];
    }

    private static String[] kindNames() {
        Principal.Kind[] kinds = Principal.Kind.values();
        String[] names = new String[kinds.length];
        for (Principal.Kind k : kinds) {
            names[k.ordinal()] = k.name().toLowerCase(Locale.ROOT);
        }
        return names;
    }
}
