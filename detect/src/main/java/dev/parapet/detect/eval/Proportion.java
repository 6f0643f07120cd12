package dev.parapet.detect.eval;

/**
 * A count out of a total, such as the attacks flagged out of all attacks, with its Wilson 95%
 * interval. A proportion of nothing ({@code total == 0}) is undefined: its value is NaN and it has
 * no interval.
 *
 * @param count how many of the total, in [0, total]
 * @param total the denominator, at least 0
 */
public record Proportion(long count, long total) {

    /** Checks {@code 0 <= count <= total}. */
    public Proportion {
        if (count < 0 || count > total) {
            throw new IllegalArgumentException("bad proportion " + count + "/" + total);
        }
    }

    /** Whether the denominator is positive. */
    public boolean isDefined() {
        return total > 0;
    }

    /** {@code count / total}, or NaN when the total is 0. */
    public double value() {
        return isDefined() ? (double) count / total : Double.NaN;
    }

    /**
     * The Wilson score 95% interval.
     *
     * @throws IllegalStateException when the proportion is undefined
     */
    public Interval wilson95() {
        if (!isDefined()) {
            throw new IllegalStateException("no interval for a proportion of 0 items");
        }
        return Metrics.wilson(count, total, Metrics.Z_95);
    }
}
