package dev.parapet.detect.scan;

import java.util.Arrays;

/**
 * An upper bound on the length (UTF-16 units) of any match of a pattern in a given text:
 * {@code fixed + Σ coefficient·longestRun(class)}, where {@code longestRun} is the longest run of
 * characters of a {@link CharClasses character class} in the text. Unbounded repetition of a
 * single character class ({@code \w+}, {@code \s*}) contributes one run of that class; any other
 * unbounded repetition makes the width unknown ({@code null} from {@link RegexWidth#of}).
 *
 * @param fixed        the part that does not depend on the text
 * @param coefficients per class id of a {@link CharClasses} table, how many runs of it a match can span
 */
record MatchWidth(long fixed, int[] coefficients) {

    static final MatchWidth ZERO = new MatchWidth(0, new int[0]);

    static MatchWidth constant(long width) {
        return new MatchWidth(width, new int[0]);
    }

    static MatchWidth run(int classId) {
        int[] c = new int[classId + 1];
        c[classId] = 1;
        return new MatchWidth(0, c);
    }

    MatchWidth plus(MatchWidth other) {
        int[] c = Arrays.copyOf(coefficients, Math.max(coefficients.length, other.coefficients.length));
        for (int i = 0; i < other.coefficients.length; i++) {
            c[i] = saturate((long) c[i] + other.coefficients[i]);
        }
        return new MatchWidth(saturate(fixed + other.fixed), c);
    }

    /** An upper bound of both: the larger fixed part and, per class, the larger coefficient. */
    MatchWidth max(MatchWidth other) {
        int[] c = Arrays.copyOf(coefficients, Math.max(coefficients.length, other.coefficients.length));
        for (int i = 0; i < other.coefficients.length; i++) {
            c[i] = Math.max(c[i], other.coefficients[i]);
        }
        return new MatchWidth(Math.max(fixed, other.fixed), c);
    }

    MatchWidth times(long n) {
        int[] c = new int[coefficients.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = saturate(coefficients[i] * n);
        }
        return new MatchWidth(saturate(fixed * n), c);
    }

    /** The bound for a text whose longest run of class {@code i} is {@code longestRuns[i]}. */
    long bound(int[] longestRuns) {
        long total = fixed;
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] != 0) {
                total += (long) coefficients[i] * longestRuns[i];
            }
        }
        return total;
    }

    /** Whether the bound depends on runs of class {@code i}. */
    boolean uses(int i) {
        return i < coefficients.length && coefficients[i] != 0;
    }

    private static int saturate(long v) {
        return (int) Math.min(v, Integer.MAX_VALUE);
    }
}
