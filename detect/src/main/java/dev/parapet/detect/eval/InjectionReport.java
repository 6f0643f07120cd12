package dev.parapet.detect.eval;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The measurement of an injection file.
 *
 * @param overall       counts over every text; a text is predicted attack when it has any
 *                      {@code injection} finding
 * @param auc           ROC AUC of the text scores (Mann-Whitney, ties half); NaN unless both
 *                      labels occur
 * @param tprAt1PctFpr  the best TPR of the score-threshold sweep with FPR at most 1%; NaN unless
 *                      both labels occur
 * @param slices        counts per slice, by slice name in alphabetical order
 * @param latency       per-text scan time
 */
public record InjectionReport(ConfusionMatrix overall, double auc, double tprAt1PctFpr,
                              SortedMap<String, ConfusionMatrix> slices, LatencySummary latency)
        implements EvalReport {

    /** The FPR bound of {@link #tprAt1PctFpr}. */
    public static final double ONE_PERCENT = 0.01;

    /** Copies the slices into an unmodifiable sorted map. */
    public InjectionReport {
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(latency, "latency");
        slices = Collections.unmodifiableSortedMap(new TreeMap<>(slices));
    }

    /** Computes every figure from the observations of one run. */
    public static InjectionReport of(List<InjectionObservation> observations) {
        ConfusionMatrix overall = ConfusionMatrix.EMPTY;
        SortedMap<String, ConfusionMatrix> slices = new TreeMap<>();
        double[] attackScores = new double[observations.size()];
        double[] benignScores = new double[observations.size()];
        long[] nanos = new long[observations.size()];
        int attacks = 0;
        int benign = 0;
        for (int i = 0; i < observations.size(); i++) {
            InjectionObservation o = observations.get(i);
            overall = overall.plus(o.attack(), o.flagged());
            slices.merge(o.slice(), ConfusionMatrix.EMPTY.plus(o.attack(), o.flagged()), ConfusionMatrix::plus);
            if (o.attack()) {
                attackScores[attacks++] = o.score();
            } else {
                benignScores[benign++] = o.score();
            }
            nanos[i] = o.scanNanos();
        }
        double[] pos = Arrays.copyOf(attackScores, attacks);
        double[] neg = Arrays.copyOf(benignScores, benign);
        return new InjectionReport(overall, Metrics.rocAuc(pos, neg), Metrics.tprAtFpr(pos, neg, ONE_PERCENT),
                slices, LatencySummary.ofNanos(nanos));
    }
}
