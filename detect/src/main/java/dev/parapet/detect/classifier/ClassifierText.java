package dev.parapet.detect.classifier;

import java.text.Normalizer;

/**
 * The view of a text the classifier's features are computed on: each code point in Unicode NFKC
 * form and lower case, invisible characters (format characters, variation selectors, fillers)
 * removed, and every run of whitespace turned into one space. Offsets are not kept: the classifier
 * reports the whole message.
 */
final class ClassifierText {

    private ClassifierText() {
    }

    static String normalize(String original) {
        int n = original.length();
        StringBuilder out = new StringBuilder(n);
        boolean pendingSpace = false;
        int i = 0;
        while (i < n) {
            int cp = original.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if (cp <= ' ') {
                    pendingSpace = cp == ' ' || (cp >= '\t' && cp <= '\r') || pendingSpace;
                    continue;
                }
                pendingSpace = appendSpace(out, pendingSpace);
                out.append(cp >= 'A' && cp <= 'Z' ? (char) (cp + 32) : (char) cp);
                continue;
            }
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
        return out.toString();
    }

    private static boolean appendSpace(StringBuilder out, boolean pendingSpace) {
        if (pendingSpace && !out.isEmpty()) {
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
