package dev.parapet.detect.dlp;

import dev.parapet.core.Severity;

import java.util.List;
import java.util.regex.Pattern;

/** Recognizers for ways to reach a person: e-mail addresses and telephone numbers. */
final class ContactRecognizers {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";

    /**
     * The practical subset of RFC 5322: a dot-atom local part of at most 64 characters, then up
     * to 8 LDH labels and an alphabetic top-level label. A look-ahead bounds each attempt to the
     * 64 characters before an {@code @}; other repetitions are possessive or bounded.
     */
    static final Recognizer EMAIL = new Recognizer("DLP-EMAIL", "pii.email", Severity.MEDIUM,
            Pattern.compile("(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])"
                    + "(?=[^@\\s]{1,64}+@)" + ATOM + "++(?:\\." + ATOM + "++)*+"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}+(?<=[A-Za-z0-9]))?+\\.){1,8}"
                    + "[A-Za-z]{2,63}+"
                    + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])"),
            Validator.always(0.95), ContextRule.NONE,
            Anchor.token(Anchor.Kind.AT),
            "@[A-Za-z0-9][A-Za-z0-9.-]*\\.[A-Za-z]{2}");

    /**
     * Digit groups separated by single spaces, dots or dashes, with optional {@code +} country
     * code, parenthesised area code or trunk {@code (0)}, and extension; not after a letter, digit or
     * URL/time punctuation, except that {@code +} or {@code (} may follow a colon ({@code tel:+1…}); {@link PhoneShape}
     * judges the shape. Each element consumes one character, at most 26, possessively; a run of
     * digit groups longer than that (a table of numbers) is not a phone number, nor is its tail.
     */
    static final Recognizer PHONE = new Recognizer("DLP-PHONE", "pii.phone", Severity.MEDIUM,
            Pattern.compile("(?:(?<=:)(?=[+(])|(?<![\\w+(.:/@$€£#-]))(?<!\\d[ .-])"
                    + "(?<v>(?:\\+|\\(\\+?)?\\d(?:[\\d)]|[ .\\-](?=[\\d(])|\\((?=\\d)){5,26}+"
                    + "(?:\\s?(?:x|ext\\.?)\\s?\\d{1,6})?+)"
                    + "(?![\\w@:/]|[.,]\\d|[ .-]\\d)"),
            PhoneShape::assess,
            ContextRule.raisedBy("phone", "telephone", "tel", "mobile", "cell", "cellphone", "call", "calling",
                            "called", "fax", "desk", "office", "contact", "reach", "dial", "text", "sms",
                            "whatsapp", "message", "messages", "answering", "landline", "hotline", "ring")
                    .loweredBy("order", "invoice", "ref", "reference", "tracking", "account", "isbn", "serial",
                            "version", "price", "total", "amount", "zip", "postcode", "population", "street", "st",
                            "avenue", "road", "lane", "suite", "apt", "box", "address", "lives"),
            // at most ") (" between two digits: any 7 of a match's digits lie within 7 + 6 * 3 = 25 characters
            Anchor.digits(7, 25, 48),
            "\\d[\\d() .-]{5}");

    private ContactRecognizers() {
    }

    static List<Recognizer> all() {
        return List.of(EMAIL, PHONE);
    }
}
