package dev.parapet.detect.eval;

/**
 * A confidence interval for a proportion.
 *
 * @param lower the lower bound, in [0, 1]
 * @param upper the upper bound, in [lower, 1]
 */
public record Interval(double lower, double upper) {

    /** Checks that the bounds are ordered and within [0, 1]. */
    public Interval {
        if (!(0 <= lower && lower <= upper && upper <= 1)) {
            throw new IllegalArgumentException("bad interval [" + lower + ", " + upper + "]");
        }
    }
}
