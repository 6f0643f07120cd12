package dev.parapet.detect.scan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Skipping positions where no match can begin finds exactly what region + find() finds. */
class RegexSearchTest {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b(?:ignore)\\b[^.!?\\n]{0,20}?\\b(?:all|your)\\s+(?:\\w+\\s+){0,2}?rules\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:(?<=:)(?=[+(])|(?<![\\w+(.:/@$#-]))(?<!\\d[ .-])(?<v>(?:\\+|\\(\\+?)?\\d(?:[\\d)]|[ .\\-](?=[\\d(])|\\((?=\\d)){5,26}+)"),
            Pattern.compile("(?<![\\d+.,-])(?:\\d[ -]?){11,18}\\d(?!\\d|[.,-]\\d)"),
            Pattern.compile("(?<![A-Za-z0-9-])(?:[A-Za-z]{1,2}\\d{5,14}|\\d{6,14})(?![A-Za-z0-9]|-\\d)"),
            Pattern.compile("(?:the\\s+)?a[bc]+|x?y"),
            Pattern.compile("\\d{1,2}(?:st|nd|rd|th)? (?i:jan|feb|mar)[a-z]{0,6}"));

    private static List<String> plain(Pattern p, String text, int from, int to) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false).region(from, to);
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(m.start() + "-" + m.end());
            }
        }
        return out;
    }

    private static List<String> skipping(Pattern p, String text, int from, int to) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        RegexSearch.of(p).forEach(m, text, from, to, found -> out.add(found.start() + "-" + found.end()));
        return out;
    }

    @Test
    void findsWhatFindFinds() {
        String[] pieces = {"ignore", "IGNORE", " all ", " your ", "rules", ".", " ", "+1 ", "(415) ", "555-0100", "4111 1111 1111 1111",
            "ab12345", "the ", "abc", "y", "x", "3rd jan", "12 February", ":", "-", "9", "\n", "é"};
        Random random = new Random(5);
        for (int k = 0; k < 5000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int from = text.isEmpty() ? 0 : random.nextInt(text.length());
            int to = from + random.nextInt(text.length() - from + 1);
            for (Pattern p : PATTERNS) {
                assertThat(skipping(p, text, from, to)).as("%s in '%s' [%d, %d)", p, text, from, to)
                        .isEqualTo(plain(p, text, from, to));
            }
        }
    }
}
