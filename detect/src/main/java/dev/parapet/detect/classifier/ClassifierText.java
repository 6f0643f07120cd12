package dev.parapet.detect.classifier;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The view of a text the classifier's features are computed on: each code point in Unicode NFKC
 * form and lower case, invisible characters (format characters, variation selectors, fillers)
 * removed, and every run of whitespace turned into one space. Offsets are not kept: the classifier
 * reports the whole message (or window).
 *
 * <p>ASCII characters take a fast path; only others go through {@link Normalizer}. A region of a
 * text can be normalised into a reused buffer ({@link Buffer}), as if it had been cut out with
 * {@code substring} first (a surrogate pair split by the region's edge counts as two lone
 * surrogates), so that windows of a long text cost no copies.
 */
final class ClassifierText {

    private ClassifierText() {
    }

    /** A growable char buffer that a normalised text is written into; reused, not thread-safe. */
    static final class Buffer {
        char[] chars = new char[64];
        int length;

        void append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, length * 2);
            }
            chars[length++] = c;
        }

        void append(String s) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i));
            }
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    static String normalize(String original) {
        Buffer out = new Buffer();
        normalize(original, 0, original.length(), out);
        return out.toString();
    }

    /** Normalises {@code original[from, to)} into {@code out}, replacing what it held. */
    static void normalize(String original, int from, int to, Buffer out) {
        out.length = 0;
        if (out.chars.length < to - from) {
            out.chars = new char[to - from];
        }
        boolean pendingSpace = false;
        int i = from;
        while (i < to) {
            char c = original.charAt(i);
            if (c < 0x80) {
                i++;
                if (c <= ' ') {
                    pendingSpace = c == ' ' || (c >= '\t' && c <= '\r') || pendingSpace;
                    continue;
                }
                pendingSpace = appendSpace(out, pendingSpace);
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(original.charAt(i + 1))) {
                cp = Character.toCodePoint(c, original.charAt(i + 1));
            }
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = true;
                continue;
            }
            pendingSpace = appendSpace(out, pendingSpace);
            out.append(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static boolean appendSpace(Buffer out, boolean pendingSpace) {
        if (pendingSpace && out.length > 0) {
            out.append(' ');
        }
        return false;
    }

    private static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    }
}
