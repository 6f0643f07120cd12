package dev.parapet.detect.dlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Judges whether a run of digit groups is shaped like a telephone number, and how strongly.
 *
 * <ul>
 *   <li>international ({@code +} then 8–15 digits, E.164): 0.8;</li>
 *   <li>North American ({@code (NXX) NXX-XXXX}, {@code NXX-NXX-XXXX}, optional {@code 1}/{@code 001}
 *       prefix): 0.75;</li>
 *   <li>other national formats — 7 to 13 digits in at least two groups of 1–6: 0.4, so a context
 *       word is what makes them convincing;</li>
 *   <li>two short groups (at most 9 digits, like a house number followed by a postcode) or a
 *       single ungrouped run of 7–12 digits: 0.25 or 0.2, reported only with a context word.</li>
 * </ul>
 * Rejected: dates ({@code 2024-01-31}, {@code 31.01.2024}), dotted quads (IP addresses),
 * version-like dotted triples, one digit repeated, and groups of an impossible size.
 * An extension ({@code x123}, {@code ext. 123}) is part of the number but not of its count.
 */
final class PhoneShape {

    private static final Pattern EXTENSION = Pattern.compile("\\s?(?:x|ext\\.?|#)\\s?\\d{1,6}$");
    private static final Pattern NANP = Pattern.compile(
            "(?:(?:\\+?1|001)[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])[2-9]\\d{2}[ .-]\\d{4}");
    private static final Pattern ISO_DATE = Pattern.compile("(?:19|20)\\d{2}[-./ ](?:0?[1-9]|1[0-2])[-./ ]\\d{1,2}");
    private static final Pattern DAY_FIRST_DATE = Pattern.compile("\\d{1,2}[-./]\\d{1,2}[-./](?:19|20)?\\d{2}");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){2,3}");

    private PhoneShape() {
    }

    static double assess(String candidate) {
        String number = EXTENSION.matcher(candidate).replaceFirst("");
        if (number.isEmpty() || !Checksums.isDigit(number.charAt(number.length() - 1))) {
            return 0;
        }
        if (ISO_DATE.matcher(number).matches() || DAY_FIRST_DATE.matcher(number).matches()
                || DOTTED_NUMBERS.matcher(number).matches()) {
            return 0;
        }
        int[] d = Checksums.digits(number);
        if (Checksums.allSame(d) || !balancedParentheses(number)) {
            return 0;
        }
        List<String> groups = groups(number);
        for (String g : groups) {
            if (g.length() > 6 && groups.size() > 1) {
                return 0;
            }
        }
        if (number.charAt(0) == '+') {
            return d.length >= 8 && d.length <= 15 ? 0.8 : 0;
        }
        if (NANP.matcher(number).matches()) {
            return 0.75;
        }
        if (number.startsWith("00") && d.length >= 10 && d.length <= 15) {
            return 0.6;
        }
        if (d.length < 7 || d.length > 13) {
            return 0;
        }
        if (groups.size() == 1) {
            return d.length <= 12 ? 0.2 : 0;
        }
        return groups.size() == 2 && d.length <= 9 ? 0.25 : 0.4;
    }

    private static boolean balancedParentheses(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (depth < 0 || depth > 1) {
                return false;
            }
        }
        return depth == 0;
    }

    private static List<String> groups(String number) {
        List<String> groups = new ArrayList<>();
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Checksums.isDigit(c)) {
                g.append(c);
            } else if (!g.isEmpty()) {
                groups.add(g.toString());
                g.setLength(0);
            }
        }
        if (!g.isEmpty()) {
            groups.add(g.toString());
        }
        return groups;
    }
}
