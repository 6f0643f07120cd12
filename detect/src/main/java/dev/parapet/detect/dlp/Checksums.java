package dev.parapet.detect.dlp;

/**
 * Check-digit arithmetic used by the validators. Every method looks only at the ASCII digits
 * (or letters, where the scheme uses them) of its argument and ignores separators.
 */
final class Checksums {

    private static final int[][] VERHOEFF_D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
            {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
            {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
            {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
            {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
            {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
            {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 8, 5}};

    private Checksums() {
    }

    /** The ASCII digits of {@code s}, in order. */
    static int[] digits(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                n++;
            }
        }
        int[] d = new int[n];
        int j = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                d[j++] = s.charAt(i) - '0';
            }
        }
        return d;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the digits pass the Luhn (mod 10) check. */
    static boolean luhn(int[] d) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = d.length - 1; i >= 0; i--) {
            int x = d[i];
            if (doubleIt) {
                x *= 2;
                if (x > 9) {
                    x -= 9;
                }
            }
            sum += x;
            doubleIt = !doubleIt;
        }
        return d.length > 0 && sum % 10 == 0;
    }

    /** Whether the digits pass the Verhoeff check (Aadhaar). */
    static boolean verhoeff(int[] d) {
        int c = 0;
        for (int i = 0; i < d.length; i++) {
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d[d.length - 1 - i]]];
        }
        return d.length > 0 && c == 0;
    }

    /** Whether the digits are one digit repeated: a placeholder, never a real identifier. */
    static boolean allSame(int[] d) {
        for (int i = 1; i < d.length; i++) {
            if (d[i] != d[0]) {
                return false;
            }
        }
        return true;
    }

    /** The weighted sum of the first {@code weights.length} digits. */
    static int weightedSum(int[] d, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += d[i] * weights[i];
        }
        return sum;
    }

    /**
     * ISO 7064 mod 97-10 over an alphanumeric string (IBAN): letters count as 10..35. Whether the
     * remainder is 1.
     */
    static boolean mod97(CharSequence s) {
        int r = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toUpperCase(s.charAt(i));
            if (isDigit(c)) {
                r = (r * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                r = (r * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return r == 1;
    }
}
