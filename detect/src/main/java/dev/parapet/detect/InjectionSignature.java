package dev.parapet.detect;

import dev.parapet.core.Severity;
import dev.parapet.detect.scan.ScanPattern;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One prompt-injection or jailbreak signature of the pack.
 *
 * @param id          a stable id, {@code INJ-<FAMILY>-<NNN>}, e.g. {@code INJ-OVR-001}; copied into findings as their rule id
 * @param type        the finding type, in family {@code injection}, e.g. {@code injection.delimiter}
 * @param severity    the severity of a match
 * @param confidence  how sure a match makes us, in [0, 1]
 * @param owasp       the OWASP Top 10 for LLM Applications 2025 id, e.g. {@code LLM01:2025}
 * @param atlas       the MITRE ATLAS technique id, e.g. {@code AML.T0051.000}
 * @param description what the signature catches, for people
 * @param pattern     the regular expression, matched case-insensitively over the normalised text
 *                    (the syntax both Hyperscan and java.util.regex accept, see {@link ScanPattern})
 * @param spans       how match spans are located; wide-gap patterns need {@link ScanPattern.Spans#CONFIRMED}
 * @param example     a text the pattern must match, so that the pack cannot rot
 */
record InjectionSignature(String id, String type, Severity severity, double confidence, String owasp, String atlas,
                          String description, String pattern, ScanPattern.Spans spans, String example) {

    static final String FAMILY = "injection";

    private static final Pattern ID = Pattern.compile("INJ-[A-Z]{2,5}-\\d{3}");
    private static final Pattern TYPE = Pattern.compile(FAMILY + "\\.[a-z][a-z_]*");
    private static final Pattern OWASP = Pattern.compile("LLM(?:0[1-9]|10):2025");
    private static final Pattern ATLAS = Pattern.compile("AML\\.T\\d{4}(?:\\.\\d{3})?");

    InjectionSignature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(spans, "spans");
        require(ID.matcher(id).matches(), id, "id is not of the form INJ-<FAMILY>-<NNN>");
        require(type != null && TYPE.matcher(type).matches(), id, "type " + type + " is not injection.<kind>");
        require(confidence >= 0 && confidence <= 1, id, "confidence out of [0,1]: " + confidence);
        require(owasp != null && OWASP.matcher(owasp).matches(), id, "owasp " + owasp + " is not an LLMnn:2025 id");
        require(atlas != null && ATLAS.matcher(atlas).matches(), id, "atlas " + atlas + " is not an AML.Tnnnn[.nnn] id");
        require(pattern != null && !pattern.isEmpty(), id, "missing pattern");
        require(example != null && !example.isBlank(), id, "missing example");
        description = description == null ? "" : description;
    }

    private static void require(boolean condition, String id, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("signature " + id + ": " + problem);
        }
    }

    /** This signature as a pattern of the shared scan database. */
    ScanPattern scanPattern() {
        return new ScanPattern(id, pattern, true, spans);
    }
}
