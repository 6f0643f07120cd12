package dev.parapet.detect.dlp;

import dev.parapet.core.Severity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entity type's recognizer, as data: candidates come from {@code pattern} (the span is the
 * named group {@code v} when the pattern has one, else the whole match), {@code validator} accepts
 * them and sets their base confidence, and {@code context} adjusts it.
 *
 * <p>Patterns use bounded or possessive repetition only, so each {@code find} is linear. The
 * {@code gate} is a pre-check scanned by Hyperscan together with every other pattern of the
 * engine: a text in which it does not occur holds no match, and the recognizer does nothing more.
 * The {@code anchor} says what every match contains and how long a match can be, so that the
 * pattern runs only over the regions of a text that can hold one.
 *
 * <p>A gate must match, in the text and in its normalised form (NFKC, invisible characters
 * removed, whitespace runs collapsed), wherever the pattern matches the text. It is therefore a
 * piece that every match contains and that consists of ASCII characters only, with whitespace
 * only as single spaces between other characters: normalising leaves such a piece unchanged.
 * Gates are case-sensitive (spell out both cases) and in the syntax Hyperscan accepts.
 *
 * @param ruleId       stable id of this recognizer, e.g. {@code DLP-IBAN}
 * @param type         finding type, {@code <family>.<kind>}
 * @param severity     severity of its findings
 * @param pattern      candidate pattern
 * @param validator    checksum or structure check, returning the base confidence
 * @param context      words that raise, lower or are required
 * @param anchor       characters every match contains, and its longest length
 * @param gate         pre-check every match contains, or null to run the recognizer on every text
 */
record Recognizer(String ruleId, String type, Severity severity, Pattern pattern, Validator validator,
                  ContextRule context, Anchor anchor, String gate) {

    /** Confidence below which a candidate is not reported. */
    static final double REPORT_THRESHOLD = 0.35;

    Recognizer {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(anchor, "anchor");
        if (type.indexOf('.') <= 0) {
            throw new IllegalArgumentException(ruleId + ": type must be <family>.<kind>: " + type);
        }
    }

    /** The family: the first segment of the type. */
    String family() {
        return type.substring(0, type.indexOf('.'));
    }

    /** Whether the pattern defines a value group {@code v}. */
    boolean hasValueGroup() {
        return pattern.namedGroups().containsKey("v");
    }
}
