package dev.parapet.detect.normalize;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import dev.parapet.detect.Detector;
import java.util.List;

/**
 * Reports disguises that are suspicious in themselves, whatever they hide (family
 * {@code obfuscation}):
 * <ul>
 *   <li>{@code obfuscation.invisible_text}: invisible characters that carry or split text —
 *       Unicode tag characters (ASCII smuggling; a flag emoji's tag sequence is exempt),
 *       bidirectional overrides and isolates (Trojan Source), zero-width spaces, word joiners,
 *       soft hyphens and a byte-order mark inside text, and zero-width (non-)joiners between two
 *       Latin letters (legitimate joiners sit in emoji sequences and non-Latin scripts);</li>
 *   <li>{@code obfuscation.homoglyphs}: a word that mixes Latin letters with Cyrillic or Greek
 *       look-alikes (a word wholly in another script is ordinary text).</li>
 * </ul>
 * Each run of consecutive disguised characters is one finding spanning the run.
 */
public final class ObfuscationDetector implements Detector {
    public static final String INVISIBLE = "obfuscation.invisible_text";
    public static final String HOMOGLYPHS = "obfuscation.homoglyphs";
    private static final String FAMILY = "obfuscation";

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (isAscii(text)) {
            return; // every disguise reported here is a non-ASCII character
        }
        invisible(messageIndex, text, out);
        mixedScriptWords(messageIndex, text, out);
    }

    private static boolean isAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void invisible(int messageIndex, String text, List<Finding> out) {
        int runStart = -1;
        boolean severe = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == 0x1F3F4) { // black flag: a subdivision flag's tag sequence follows
                next = skipFlagTags(text, next);
            } else if (isSuspiciousInvisible(text, i, cp)) {
                if (runStart < 0) {
                    runStart = i;
                }
                severe |= cp >= 0xE0000 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
                i = next;
                continue;
            }
            if (runStart >= 0) {
                out.add(invisibleFinding(messageIndex, runStart, i, severe));
                runStart = -1;
                severe = false;
            }
            i = next;
        }
        if (runStart >= 0) {
            out.add(invisibleFinding(messageIndex, runStart, text.length(), severe));
        }
    }

    private static Finding invisibleFinding(int messageIndex, int start, int end, boolean severe) {
        return new Finding(INVISIBLE, FAMILY, "OBF-INVISIBLE", severe ? Severity.HIGH : Severity.MEDIUM,
                severe ? 0.95 : 0.75, messageIndex, start, end);
    }

    private static int skipFlagTags(String text, int i) {
        int k = i;
        int tags = 0;
        while (k < text.length() && tags <= 6) {
            int cp = text.codePointAt(k);
            if (cp == 0xE007F) {
                return k + Character.charCount(cp);
            }
            if (cp < 0xE0020 || cp > 0xE007E) {
                break;
            }
            tags++;
            k += Character.charCount(cp);
        }
        return i; // not a well-formed flag: its tags are examined like any others
    }

    private static boolean isSuspiciousInvisible(String text, int i, int cp) {
        return switch (cp) {
            case 0x200B, 0x2060, 0x00AD, 0x180E, 0x2061, 0x2062, 0x2063, 0x2064 -> true;
            case 0xFEFF -> i > 0;
            case 0x200C, 0x200D -> i > 0 && i + 1 < text.length()
                    && isLatinLetter(text.charAt(i - 1)) && isLatinLetter(text.charAt(i + 1));
            default -> (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0x202A && cp <= 0x202E)
                    || (cp >= 0x2066 && cp <= 0x2069);
        };
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void mixedScriptWords(int messageIndex, String text, List<Finding> out) {
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean latin = false;
            boolean lookalike = false;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                char c = text.charAt(i);
                latin |= isLatinLetter(c);
                lookalike |= Homoglyphs.fold(c) != 0;
                i++;
            }
            if (latin && lookalike) {
                out.add(new Finding(HOMOGLYPHS, FAMILY, "OBF-HOMOGLYPH", Severity.MEDIUM, 0.85, messageIndex, start, i));
            }
        }
    }
}
