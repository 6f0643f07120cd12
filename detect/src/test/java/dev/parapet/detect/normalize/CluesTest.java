package dev.parapet.detect.normalize;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The table-driven clue pass says exactly what the straightforward character-by-character one says. */
class CluesTest {

    private static final Pattern ROT13_NAMED = Pattern.compile("\\b(?:rot-?13|rot 13|caesar)\\b", Pattern.CASE_INSENSITIVE);

    /** The clue pass as first written: Character methods for every character, a regex over the whole text. */
    private static Deobfuscator.Clues reference(String t) {
        boolean nonAscii = false;
        boolean leet = false;
        int chain = 0;
        int lastLone = -10;
        boolean split = false;
        int run = 0;
        boolean runHasDigit = false;
        boolean base64 = false;
        boolean escapes = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            nonAscii |= c >= 0x80;
            boolean letter = Character.isLetter(c);
            leet |= c != '@' && Leet.plain(c) != 0 && i > 0 && i + 1 < t.length()
                    && Character.isLetter(t.charAt(i - 1)) && Character.isLetter(t.charAt(i + 1));
            if (letter && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))
                    && (i + 1 == t.length() || !Character.isLetterOrDigit(t.charAt(i + 1)))) {
                chain = lastLone == i - 2 ? chain + 1 : 1;
                lastLone = i;
                split |= chain >= 4;
            }
            if (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '-' || c == '_') {
                run++;
                runHasDigit |= c >= '0' && c <= '9' || c == '+' || c == '/';
                base64 |= run >= Deobfuscator.MIN_BASE64 && runHasDigit;
            } else {
                run = 0;
                runHasDigit = false;
            }
            escapes |= c == '%' || (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == 'x');
        }
        return new Deobfuscator.Clues(nonAscii, leet, split, base64 || escapes || ROT13_NAMED.matcher(t).find());
    }

    @Test
    void sameCluesAsTheCharacterByCharacterPass() {
        Random random = new Random(11);
        String[] pieces = {"a", "b", "Z", " ", "1", "0", "3", "@", "!", "|", "$", "+", "/", "-", "_", "%", "\\x", ".",
            "rot13", "ROT-13", "rot 13", "carrot", "Caesar", "caesars", "é", "Ж", "٣", "ſ", "\u200B", "\uD83D\uDE00",
            "i g n o r e", "h3ll0", "aGVsbG8gd29ybGQ=", "\n"};
        String[] plain = {"a", "b", "Z", " ", ".", "-", "_", "\n", "rot", "ROT", "rot-", "rot 13", "carrot", "Caesar", "x y z",
            "i g n o r e", "word", "_rot"};
        for (int k = 0; k < 40_000; k++) {
            String[] from = k % 2 == 0 ? pieces : plain;
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                sb.append(from[random.nextInt(from.length)]);
            }
            String text = sb.toString();
            assertThat(Deobfuscator.Clues.of(text)).as(text).isEqualTo(reference(text));
        }
    }
}
