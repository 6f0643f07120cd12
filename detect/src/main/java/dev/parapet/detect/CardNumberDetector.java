package dev.parapet.detect;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers ({@code pci.card_number}): 13 to 19 digits, optionally separated by
 * single spaces or dashes, not adjacent to further digits, that pass the Luhn check and are not
 * one digit repeated. Each candidate is the longest such run, so a candidate that fails the
 * check is not searched for shorter valid numbers inside it.
 */
final class CardNumberDetector implements Detector {

    static final String TYPE = "pci.card_number";
    static final String RULE_ID = "DLP-PAN";

    /** Starts only where no digit precedes; backtracking is bounded by the 19-digit limit. */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])(?:[0-9][ -]?){12,18}[0-9](?![0-9])");

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (!hasThirteenDigits(text)) {
            return;
        }
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (isCardNumber(text, m.start(), m.end())) {
                out.add(new Finding(TYPE, "pci", RULE_ID, Severity.HIGH, 0.9, messageIndex, m.start(), m.end()));
            }
        }
    }

    private static boolean hasThirteenDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < 13; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits >= 13;
    }

    /** Whether the digits of {@code text[start, end)} pass Luhn and are not all the same digit. */
    static boolean isCardNumber(CharSequence text, int start, int end) {
        int sum = 0;
        boolean doubleIt = false;
        char first = 0;
        boolean allSame = true;
        for (int i = end - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            if (first == 0) {
                first = c;
            } else if (c != first) {
                allSame = false;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return !allSame && sum % 10 == 0;
    }
}
