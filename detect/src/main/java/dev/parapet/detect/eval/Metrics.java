package dev.parapet.detect.eval;

import java.util.Arrays;

/**
 * The statistics behind the reports, as pure functions over counts and scores.
 *
 * <p>Scores are "higher means more likely an attack"; a text is flagged at threshold {@code t}
 * when its score is at least {@code t}.
 */
public final class Metrics {

    /** The two-sided 95% normal quantile, Φ⁻¹(0.975). */
    public static final double Z_95 = 1.959963984540054;

    private Metrics() {
    }

    /**
     * The Wilson score interval of {@code successes} out of {@code trials}: centre
     * {@code (p + z²/2n) / (1 + z²/n)}, half-width {@code z/(1 + z²/n) · √(p(1−p)/n + z²/4n²)}.
     * Unlike the normal approximation it stays inside [0, 1] and is not empty at 0 or n
     * successes.
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= trials} and {@code trials > 0}
     */
    public static Interval wilson(long successes, long trials, double z) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("bad counts " + successes + "/" + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The area under the ROC curve, computed as the Mann-Whitney statistic: the probability that
     * a random positive scores higher than a random negative, a tie counting one half.
     * 1 is a perfect ranking, 0.5 no better than chance, 0 a perfectly inverted one.
     *
     * @return the AUC, or NaN when either array is empty
     */
    public static double rocAuc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        double[] neg = sorted(negatives);
        double wins = 0;
        for (double s : positives) {
            int below = lowerBound(neg, s);
            int ties = lowerBound(neg, Math.nextUp(s)) - below;
            wins += below + ties / 2.0;
        }
        return wins / ((double) positives.length * negatives.length);
    }

    /**
     * The highest true-positive rate over the score-threshold sweep among thresholds whose
     * false-positive rate is at most {@code maxFpr}. With {@code k = ⌊maxFpr · negatives⌋}
     * false positives allowed, the best threshold lies just above the {@code (k+1)}-th highest
     * negative score, so the result is the share of positives scoring strictly above it
     * (1 when every negative may be flagged).
     *
     * @return the TPR, or NaN when either array is empty
     */
    public static double tprAtFpr(double[] positives, double[] negatives, double maxFpr) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        if (maxFpr < 0 || maxFpr > 1) {
            throw new IllegalArgumentException("maxFpr out of [0,1]: " + maxFpr);
        }
        int allowed = (int) Math.floor(maxFpr * negatives.length + 1e-9);
        if (allowed >= negatives.length) {
            return 1.0;
        }
        double[] neg = sorted(negatives);
        double bar = neg[neg.length - 1 - allowed];
        long above = Arrays.stream(positives).filter(s -> s > bar).count();
        return (double) above / positives.length;
    }

    /**
     * The nearest-rank percentile: the smallest value such that at least {@code p} of the
     * values are at or below it.
     *
     * @param sortedValues values in ascending order, at least one
     * @param p            the rank, in (0, 1]
     */
    public static long percentile(long[] sortedValues, double p) {
        if (sortedValues.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p out of (0,1]: " + p);
        }
        int rank = (int) Math.ceil(p * sortedValues.length - 1e-9);
        return sortedValues[Math.clamp(rank - 1, 0, sortedValues.length - 1)];
    }

    /**
     * The F-beta score from counts, {@code (1+β²)TP / ((1+β²)TP + β²FN + FP)}, which equals
     * {@code (1+β²)PR / (β²P + R)} whenever precision and recall are defined: beta 1 weighs them
     * equally (F1 = 2PR/(P+R)), beta 2 weighs recall four times as much (F2 = 5PR/(4P+R)).
     * It is 0 when nothing was found right and NaN only when there is nothing to find and
     * nothing was predicted.
     */
    public static double fScore(double beta, long truePositives, long falsePositives, long falseNegatives) {
        double b2 = beta * beta;
        double denominator = (1 + b2) * truePositives + b2 * falseNegatives + falsePositives;
        return denominator == 0 ? Double.NaN : (1 + b2) * truePositives / denominator;
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The index of the first element not below {@code key} in a sorted array. */
    private static int lowerBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
