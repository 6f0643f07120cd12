package dev.parapet.detect.scan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of a {@link ScanPattern.Spans#CONFIRMED} pattern that Hyperscan compiles: every
 * bounded repetition with an upper bound of {@value #WIDEN_FROM} or more becomes unbounded
 * ({@code {0,50}} → {@code *}, {@code {1,40}} → {@code +}, {@code {2,9}} → {@code {2,}}).
 *
 * <p>The widened pattern matches a superset of what the original matches, so it never hides a
 * match from the java.util.regex confirmation that follows; and Hyperscan compiles gaps such as
 * {@code [^.\n]{0,50}?} followed by long alternations into automata hundreds of kilobytes large
 * each, where {@code [^.\n]*?} costs almost nothing. It is compiled in byte mode (no
 * {@code HS_FLAG_UTF8}), which keeps multi-byte character classes out of the automaton: a
 * literal non-ASCII letter matches its UTF-8 bytes, but a character class must hold ASCII only
 * (write {@code (?:ü|Ü)}, not {@code [üÜ]}).
 */
final class Prefilter {

    static final int WIDEN_FROM = 4;

    private static final Pattern BOUNDED = Pattern.compile("(?<!\\\\)\\{(\\d+),(\\d+)}");

    private Prefilter() {
    }

    static String widen(String regex) {
        Matcher m = BOUNDED.matcher(regex);
        StringBuilder out = new StringBuilder(regex.length());
        while (m.find()) {
            int min = Integer.parseInt(m.group(1));
            int max = Integer.parseInt(m.group(2));
            String replacement = max < WIDEN_FROM ? m.group() : min == 0 ? "*" : min == 1 ? "+" : "{" + min + ",}";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a character class of {@code regex} holds a non-ASCII character, which byte mode cannot match. */
    static boolean hasNonAsciiClass(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
            } else if (inClass && c > 0x7F) {
                return true;
            }
        }
        return false;
    }
}
