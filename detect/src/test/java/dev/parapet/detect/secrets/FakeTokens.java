package dev.parapet.detect.secrets;

import java.util.Random;

/**
 * Builds fake but format-valid token bodies for tests, so that no test source holds a literal that
 * looks like a live credential. Deterministic per seed; never yields placeholder-like runs.
 */
final class FakeTokens {

    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String HEX = "0123456789abcdef";
    static final String URL_SAFE = ALNUM + "_-";
    static final String BASE64 = ALNUM + "+/";
    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private FakeTokens() {
    }

    /** {@code length} characters drawn from {@code alphabet}, seeded by {@code seed}. */
    static String random(String alphabet, int length, long seed) {
        Random random = new Random(seed);
        while (true) {
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            char first = s.charAt(0);
            char last = s.charAt(length - 1);
            if (!Placeholders.isPlaceholder(s) && first != '-' && first != '_' && last != '-' && last != '_') {
                return s;
            }
        }
    }
}
