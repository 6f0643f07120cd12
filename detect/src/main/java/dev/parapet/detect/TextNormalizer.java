package dev.parapet.detect;

import java.text.Normalizer;

/**
 * Produces the view of a text that signatures match against, so that trivial obfuscation does
 * not hide them:
 * <ul>
 *   <li>each code point is put in Unicode NFKC form (fullwidth and other compatibility letters
 *       become their plain forms, ligatures are expanded);</li>
 *   <li>invisible characters are removed: format characters (category Cf: zero-width space and
 *       joiners, soft hyphen, BOM, bidi controls, tag characters) and variation selectors;</li>
 *   <li>each run of whitespace becomes one character: a line feed if the run contained a line
 *       break, otherwise a space.</li>
 * </ul>
 * Case is left alone (signatures match case-insensitively). NFKC is applied per code point, not
 * across combining sequences: a deliberate simplification that keeps the offset map exact.
 *
 * <p>Most prompts are ASCII prose with single spaces and line breaks, which this leaves
 * unchanged: one cheap pass recognises them and returns the text itself with an identity map,
 * without building offset arrays. Otherwise ASCII characters take a fast path and only other
 * characters go through {@link Normalizer}.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    static NormalizedText normalize(String original) {
        if (isUnchanged(original)) {
            return NormalizedText.identity(original);
        }
        int n = original.length();
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 8];
        int[] ends = new int[n + 8];
        int i = 0;
        while (i < n) {
            char c = original.charAt(i);
            if (c > ' ' && c < 0x80) {
                starts = grow(starts, out.length());
                ends = grow(ends, out.length());
                starts[out.length()] = i;
                ends[out.length()] = i + 1;
                out.append(c);
                i++;
                continue;
            }
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isInvisible(cp)) {
                i = next;
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                boolean lineBreak = cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp == 0x0C;
                int last = out.length() - 1;
                if (last >= 0 && (out.charAt(last) == ' ' || out.charAt(last) == '\n')) {
                    if (lineBreak) {
                        out.setCharAt(last, '\n');
                    }
                    ends[last] = next;
                } else {
                    starts = grow(starts, out.length());
                    ends = grow(ends, out.length());
                    starts[out.length()] = i;
                    ends[out.length()] = next;
                    out.append(lineBreak ? '\n' : ' ');
                }
                i = next;
                continue;
            }
            CharSequence mapped = cp < 0x80 ? null : Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
            int count = mapped == null ? 1 : mapped.length();
            starts = grow(starts, out.length() + count - 1);
            ends = grow(ends, out.length() + count - 1);
            for (int k = 0; k < count; k++) {
                starts[out.length()] = i;
                ends[out.length()] = next;
                out.append(mapped == null ? (char) cp : mapped.charAt(k));
            }
            i = next;
        }
        return new NormalizedText(original, out.toString(), starts, ends);
    }

    /**
     * Whether normalising leaves {@code text} as it is: ASCII only, no whitespace other than
     * space and line feed, and never two whitespace characters in a row.
     */
    static boolean isUnchanged(String text) {
        boolean previousSpace = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x80) {
                previousSpace = false;
                continue;
            }
            if (c >= 0x80 || ((c == ' ' || c == '\n') ? previousSpace : Character.isWhitespace(c))) {
                return false;
            }
            previousSpace = c == ' ' || c == '\n';
        }
        return true;
    }

    private static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    }

    private static int[] grow(int[] a, int index) {
        if (index < a.length) {
            return a;
        }
        return java.util.Arrays.copyOf(a, Math.max(a.length * 2, index + 8));
    }
}
