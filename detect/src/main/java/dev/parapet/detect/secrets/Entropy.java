package dev.parapet.detect.secrets;

/** Shannon entropy of a string's characters: how random a candidate secret looks. */
final class Entropy {

    private Entropy() {
    }

    /**
     * The Shannon entropy of the character distribution of {@code s}, in bits per character: 0 for
     * one repeated character, log2(16) = 4 at most for hex, about 4.7 to 5 for random base62 of
     * secret length.
     */
    static double bitsPerChar(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] ascii = new int[128];
        java.util.Map<Character, Integer> other = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                ascii[c]++;
            } else {
                if (other == null) {
                    other = new java.util.HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
        }
        double bits = 0;
        for (int count : ascii) {
            bits += term(count, n);
        }
        if (other != null) {
            for (int count : other.values()) {
                bits += term(count, n);
            }
        }
        return bits;
    }

    private static double term(int count, int n) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / n;
        return -p * (Math.log(p) / Math.log(2));
    }
}
