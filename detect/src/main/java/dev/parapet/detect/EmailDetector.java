package dev.parapet.detect;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses ({@code pii.email}) with the practical subset of RFC 5322 that real
 * addresses use: a dot-atom local part of at most 64 characters, then a domain of LDH labels
 * (1–63 characters, no leading or trailing hyphen) ending in an alphabetic top-level label.
 * Quoted local parts and address literals are not recognised.
 *
 * <p>The pattern stays linear: a match may only start where the previous character cannot be
 * part of an atom, a look-ahead bounds each attempt to the 64 characters before an {@code @},
 * and every other repetition is possessive or bounded (at most 8 domain labels).
 */
final class EmailDetector implements Detector {

    static final String TYPE = "pii.email";
    static final String RULE_ID = "DLP-EMAIL";

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~-])"
                    + "(?=[^@]{1,64}+@)" + ATOM + "++(?:\\." + ATOM + "++)*+"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}+(?<=[A-Za-z0-9]))?+\\.){1,8}"
                    + "[A-Za-z]{2,63}+"
                    + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(new Finding(TYPE, "pii", RULE_ID, Severity.MEDIUM, 0.95, messageIndex, m.start(), m.end()));
        }
    }
}
