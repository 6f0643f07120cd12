package dev.parapet.detect.eval;

/**
 * Span-level counts for one entity type, or for several summed (micro-average).
 *
 * @param n             gold spans
 * @param predicted     predicted spans
 * @param truePositives predicted spans that matched a gold span (each gold span at most once)
 */
public record EntityScore(long n, long predicted, long truePositives) {

    /** The score of nothing. */
    public static final EntityScore EMPTY = new EntityScore(0, 0, 0);

    /** Checks that the matches fit both the gold and the predicted counts. */
    public EntityScore {
        if (n < 0 || predicted < 0 || truePositives < 0 || truePositives > n || truePositives > predicted) {
            throw new IllegalArgumentException("bad counts n=" + n + " predicted=" + predicted + " tp=" + truePositives);
        }
    }

    /** The sum of two scores; summing per-type scores gives the micro-average. */
    public EntityScore plus(EntityScore other) {
        return new EntityScore(n + other.n, predicted + other.predicted, truePositives + other.truePositives);
    }

    /** Matched predictions out of predictions; undefined when nothing was predicted. */
    public Proportion precision() {
        return new Proportion(truePositives, predicted);
    }

    /** Matched gold spans out of gold spans; undefined when there are none. */
    public Proportion recall() {
        return new Proportion(truePositives, n);
    }

    /** F2 = 5PR/(4P+R), recall weighted four times precision; 0 when a span existed and none matched. */
    public double f2() {
        return Metrics.fScore(2, truePositives, predicted - truePositives, n - truePositives);
    }
}
