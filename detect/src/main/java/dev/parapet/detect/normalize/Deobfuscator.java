package dev.parapet.detect.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Produces the de-obfuscated views of a text that detectors should scan besides the text itself.
 * Plain text yields no view at all; each view is produced only when its disguise is present:
 * <ul>
 *   <li>{@code homoglyphs}: a word mixes Latin letters with Cyrillic/Greek look-alikes;</li>
 *   <li>{@code leetspeak}: a word mixes letters with digits or symbols standing for letters
 *       ({@code 1gn0r3}); tokens that are only digits stay as they are;</li>
 *   <li>{@code split-letters}: four or more single letters separated by one space, dot, dash,
 *       underscore, star, slash or bar ({@code i g n o r e}) are joined;</li>
 *   <li>{@code tag-characters}: text hidden in invisible Unicode tag characters (U+E0020–U+E007E),
 *       decoded to ASCII;</li>
 *   <li>{@code base64}, {@code hex}, {@code url-encoding}, {@code rot13}: embedded payloads,
 *       decoded when the result is mostly printable text, and decoded again inside the result
 *       (depth {@value #MAX_DEPTH}). ROT13 has no signature of its own, so it is applied only
 *       when the text names it.</li>
 * </ul>
 * Work is bounded: at most {@value #MAX_VIEWS} views and {@value #MAX_DECODED_CHARS} decoded
 * characters per text, and every scan is linear in the text's length.
 */
public final class Deobfuscator {
    public static final int MAX_DEPTH = 2;
    public static final int MAX_VIEWS = 8;
    public static final int MAX_DECODED_CHARS = 32_768;
    static final int MIN_BASE64 = 16;
    static final int MIN_HEX_BYTES = 8;
    private static final Pattern ROT13_NAMED = Pattern.compile("\\b(?:rot-?13|rot 13|caesar)\\b", Pattern.CASE_INSENSITIVE);

    private Deobfuscator() {
    }

    /** The extra views of {@code text}; empty for text with no disguise. */
    public static List<TextView> views(String text) {
        Clues clues = Clues.of(text);
        if (clues.none()) {
            return List.of();
        }
        List<TextView> views = new ArrayList<>();
        if (clues.nonAscii()) {
            addIfPresent(views, homoglyphs(text));
            addIfPresent(views, tagCharacters(text));
        }
        if (clues.leetNextToLetter()) {
            addIfPresent(views, leetspeak(text));
        }
        if (clues.loneLetters()) {
            addIfPresent(views, splitLetters(text));
        }
        if (clues.encoded()) {
            decode(text, null, 1, views, new int[] {0});
        }
        return views;
    }

    /**
     * One cheap pass that tells which disguises could be present, so that ordinary text skips the
     * view builders altogether. ASCII characters are classified by table.
     */
    record Clues(boolean nonAscii, boolean leetNextToLetter, boolean loneLetters, boolean encoded) {
        private static final byte LETTER = 1;
        private static final byte DIGIT = 2;
        private static final byte LEET = 4;      // stands for a letter in leetspeak (Leet.plain), '@' excepted
        private static final byte RUN = 8;       // may continue a base64-like run: letters, digits, + / - _
        private static final byte RUN_MARK = 16; // makes such a run look encoded: digits, + and /
        private static final byte[] ASCII = new byte[128];

        static {
            for (char c = 0; c < 128; c++) {
                int f = 0;
                if (Character.isLetter(c)) {
                    f |= LETTER | RUN;
                }
                if (Character.isDigit(c)) {
                    f |= DIGIT | RUN | RUN_MARK;
                }
                if (c != '@' && Leet.plain(c) != 0) {
                    f |= LEET;
                }
                if (c == '+' || c == '/') {
                    f |= RUN | RUN_MARK;
                }
                if (c == '-' || c == '_') {
                    f |= RUN;
                }
                ASCII[c] = (byte) f;
            }
        }

        /** The flags of {@code c}: from the table for ASCII, from {@link Character} otherwise. */
        private static int flags(char c) {
            if (c < 128) {
                return ASCII[c];
            }
            return (Character.isLetter(c) ? LETTER | RUN : 0) | (Character.isLetterOrDigit(c) && !Character.isLetter(c) ? RUN : 0);
        }

        static Clues of(String t) {
            if (isPlainAscii(t)) {
                return plainAscii(t);
            }
            boolean nonAscii = false;
            boolean leet = false;
            int chain = 0;
            int lastLone = -10;
            boolean split = false;
            int run = 0;
            boolean runHasDigit = false;
            boolean base64 = false;
            boolean escapes = false;
            int n = t.length();
            int previous = 0; // flags of t[i - 1]
            int current = n == 0 ? 0 : flags(t.charAt(0));
            for (int i = 0; i < n; i++) {
                char c = t.charAt(i);
                int next = i + 1 < n ? flags(t.charAt(i + 1)) : 0;
                nonAscii |= c >= 0x80;
                boolean letter = (current & LETTER) != 0;
                // a leet character between two letters: "n0r", "h3l"; '@' is left out, e-mails have it
                leet |= (current & LEET) != 0 && i > 0 && i + 1 < n && (previous & LETTER) != 0 && (next & LETTER) != 0;
                if (letter && (i == 0 || !isLetterOrDigit(t.charAt(i - 1), previous))
                        && (i + 1 == n || !isLetterOrDigit(t.charAt(i + 1), next))) {
                    chain = lastLone == i - 2 ? chain + 1 : 1;
                    lastLone = i;
                    split |= chain >= 4;
                }
                if ((current & RUN) != 0) {
                    run++;
                    runHasDigit |= (current & RUN_MARK) != 0;
                    base64 |= run >= MIN_BASE64 && runHasDigit;
                } else {
                    run = 0;
                    runHasDigit = false;
                }
                escapes |= c == '%' || (c == '\\' && i + 1 < n && t.charAt(i + 1) == 'x');
                previous = current;
                current = next;
            }
            return new Clues(nonAscii, leet, split, base64 || escapes || namesRot13(t));
        }

        /** ASCII characters that can make a clue other than split letters: digits, leet symbols, + / % \\. */
        private static final boolean[] SPECIAL = new boolean[128];

        static {
            for (char c = 0; c < 128; c++) {
                SPECIAL[c] = (c >= '0' && c <= '9') || "!|$@+/%\\".indexOf(c) >= 0;
            }
        }

        /** Whether {@code t} is ASCII without digits, leet symbols, {@code + / % \\}: no leet, encoding or escape clue. */
        private static boolean isPlainAscii(String t) {
            for (int i = 0, n = t.length(); i < n; i++) {
                char c = t.charAt(i);
                if (c >= 128 || SPECIAL[c]) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The clues of plain ASCII text ({@link #isPlainAscii}): only split letters (four or more
         * lone letters in a row, one character apart: {@code i g n o}) and a named ROT13.
         */
        private static Clues plainAscii(String t) {
            int chain = 0;
            int lastLone = -10;
            boolean split = false;
            boolean rot13 = false;
            boolean previousLetter = false;
            int n = t.length();
            for (int i = 0; i < n; i++) {
                char c = t.charAt(i);
                if (!isAsciiLetter(c)) {
                    previousLetter = false;
                    continue;
                }
                if (!previousLetter) {
                    if (i + 1 == n || !isAsciiLetter(t.charAt(i + 1))) {
                        chain = lastLone == i - 2 ? chain + 1 : 1;
                        lastLone = i;
                        split |= chain >= 4;
                    } else if (!rot13 && ((c | 0x20) == 'r' || (c | 0x20) == 'c')) {
                        rot13 = namesRot13At(t, i);
                    }
                }
                previousLetter = true;
            }
            return new Clues(false, false, split, rot13);
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isLetterOrDigit(char c, int flags) {
            return c < 128 ? (flags & (LETTER | DIGIT)) != 0 : Character.isLetterOrDigit(c);
        }

        /** Whether the text names ROT13 ({@link #ROT13_NAMED}), trying the pattern only where "rot" or "caesar" starts. */
        private static boolean namesRot13(String t) {
            for (int i = 0, n = t.length(); i + 3 <= n; i++) {
                char c = (char) (t.charAt(i) | 0x20);
                if ((c == 'r' || c == 'c') && namesRot13At(t, i)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a name of ROT13 ({@link #ROT13_NAMED}) starts at {@code i}. */
        private static boolean namesRot13At(String t, int i) {
            int n = t.length();
            if (i + 3 > n) {
                return false;
            }
            char c = (char) (t.charAt(i) | 0x20);
            boolean candidate = (c == 'r' && (t.charAt(i + 1) | 0x20) == 'o' && (t.charAt(i + 2) | 0x20) == 't')
                    || (c == 'c' && (t.charAt(i + 1) | 0x20) == 'a' && t.regionMatches(true, i, "caesar", 0, 6));
            return candidate && ROT13_NAMED.matcher(t).region(i, n).useTransparentBounds(true).useAnchoringBounds(false)
                    .lookingAt();
        }

        boolean none() {
            return !nonAscii && !leetNextToLetter && !loneLetters && !encoded;
        }
    }

    private static void addIfPresent(List<TextView> views, TextView view) {
        if (view != null && views.size() < MAX_VIEWS) {
            views.add(view);
        }
    }

    /** Adds decoded payloads of {@code text} (itself a view of the original when {@code parent} is set). */
    private static void decode(String text, TextView parent, int depth, List<TextView> views, int[] budget) {
        List<TextView> found = new ArrayList<>();
        PayloadDecoder.base64(text, found);
        PayloadDecoder.hex(text, found);
        PayloadDecoder.urlEncoding(text, found);
        if (ROT13_NAMED.matcher(text).find()) {
            found.add(PayloadDecoder.rot13(text));
        }
        for (TextView v : found) {
            if (views.size() >= MAX_VIEWS || budget[0] + v.text().length() > MAX_DECODED_CHARS) {
                return;
            }
            budget[0] += v.text().length();
            TextView rooted = parent == null ? v : v.over(parent);
            views.add(rooted);
            if (depth < MAX_DEPTH && !v.origin().equals("rot13")) {
                decode(v.text(), rooted, depth + 1, views, budget);
            }
        }
    }

    static TextView homoglyphs(String text) {
        boolean latin = false;
        boolean lookalike = false;
        for (int i = 0; i < text.length() && !(latin && lookalike); i++) {
            char c = text.charAt(i);
            latin |= c < 0x80 && Character.isLetter(c);
            lookalike |= Homoglyphs.fold(c) != 0;
        }
        if (!latin || !lookalike) {
            return null;
        }
        ViewBuilder b = new ViewBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char f = Homoglyphs.fold(text.charAt(i));
            b.append(f != 0 ? f : text.charAt(i), i, i + 1);
        }
        return b.build("homoglyphs");
    }

    static TextView leetspeak(String text) {
        ViewBuilder b = null; // built only once a leet word turns up
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            // only the token's core counts: "don't!" keeps its "!", "h3ll0!" becomes "hello!"
            int coreStart = i;
            int coreEnd = end;
            while (coreStart < coreEnd && !Character.isLetterOrDigit(text.charAt(coreStart))) {
                coreStart++;
            }
            while (coreEnd > coreStart && !Character.isLetterOrDigit(text.charAt(coreEnd - 1))) {
                coreEnd--;
            }
            boolean leet = isLeetWord(text, coreStart, coreEnd);
            if (leet && b == null) {
                b = new ViewBuilder(text.length());
                for (int k = 0; k < i; k++) {
                    b.append(text.charAt(k), k, k + 1);
                }
            }
            if (b != null) {
                for (int k = i; k < Math.min(end + 1, text.length()); k++) {
                    char plain = leet && k >= coreStart && k < coreEnd ? Leet.plain(text.charAt(k)) : 0;
                    b.append(plain != 0 ? plain : text.charAt(k), k, k + 1);
                }
            }
            i = end + 1;
        }
        return b == null ? null : b.build("leetspeak");
    }

    /**
     * A word in leetspeak: at least two letters and one leet character, and nothing else but
     * letters, leet characters, apostrophes and hyphens, so "1gn0r3" qualifies while "221B",
     * "3f2a9c" or "2024-05-01" do not.
     */
    private static boolean isLeetWord(String t, int from, int to) {
        int letters = 0;
        int leet = 0;
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Leet.plain(c) != 0) {
                leet++;
            } else if (c != '\'' && c != '-') {
                return false;
            }
        }
        return letters >= 2 && leet >= 1;
    }

    static TextView splitLetters(String text) {
        int first = -1;
        for (int k = 0; k < text.length() && first < 0; k++) {
            if (splitRunEnd(text, k) > 0) {
                first = k;
            }
        }
        if (first < 0) {
            return null;
        }
        ViewBuilder b = new ViewBuilder(text.length());
        boolean changed = false;
        int i = 0;
        while (i < text.length()) {
            int run = splitRunEnd(text, i);
            if (run > 0) {
                for (int k = i; k < run; k += 2) {
                    b.append(text.charAt(k), k, k + 1);
                }
                changed = true;
                i = run;
            } else {
                b.append(text.charAt(i), i, i + 1);
                i++;
            }
        }
        return changed ? b.build("split-letters") : null;
    }

    /** The end of a run like "i g n o r e" starting at {@code i}, or -1 when none starts there. */
    private static int splitRunEnd(String t, int i) {
        if (!isLone(t, i)) {
            return -1;
        }
        char sep = i + 1 < t.length() ? t.charAt(i + 1) : 0;
        if (" .-_*/|".indexOf(sep) < 0 || sep == 0) {
            return -1;
        }
        int letters = 1;
        int k = i;
        while (k + 2 < t.length() && t.charAt(k + 1) == sep && Character.isLetter(t.charAt(k + 2))
                && (k + 3 >= t.length() || !Character.isLetterOrDigit(t.charAt(k + 3)))) {
            k += 2;
            letters++;
        }
        return letters >= 4 ? k + 1 : -1;
    }

    private static boolean isLone(String t, int i) {
        return Character.isLetter(t.charAt(i))
                && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))
                && (i + 1 >= t.length() || !Character.isLetterOrDigit(t.charAt(i + 1)));
    }

    static TextView tagCharacters(String text) {
        ViewBuilder b = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp >= 0xE0020 && cp <= 0xE007E) {
                if (b == null) {
                    b = new ViewBuilder(64);
                }
                b.append((char) (cp - 0xE0000), i, next);
            }
            i = next;
        }
        return b == null || b.length() < 2 ? null : b.build("tag-characters");
    }
}
