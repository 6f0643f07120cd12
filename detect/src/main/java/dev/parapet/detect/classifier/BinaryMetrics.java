package dev.parapet.detect.classifier;

import java.util.Arrays;

/**
 * Detection figures of a scored, labelled set at one threshold.
 *
 * @param positives      attacks in the set
 * @param negatives      benign texts in the set
 * @param truePositives  attacks scored at or above the threshold
 * @param falsePositives benign texts scored at or above the threshold
 * @param auc            ROC AUC over all thresholds (ties count half); NaN when a class is absent
 */
public record BinaryMetrics(int positives, int negatives, int truePositives, int falsePositives, double auc) {

    /** Share of attacks caught; NaN without attacks. */
    public double tpr() {
        return positives == 0 ? Double.NaN : (double) truePositives / positives;
    }

    /** Share of benign texts flagged; NaN without benign texts. */
    public double fpr() {
        return negatives == 0 ? Double.NaN : (double) falsePositives / negatives;
    }

    /** Share of all texts classified correctly. */
    public double accuracy() {
        return (double) (truePositives + negatives - falsePositives) / (positives + negatives);
    }

    /**
     * Computes the figures.
     *
     * @param scores    one score per text
     * @param attack    whether each text is an attack
     * @param threshold texts scoring at or above it are flagged
     */
    public static BinaryMetrics of(double[] scores, boolean[] attack, double threshold) {
        int pos = 0;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (attack[i]) {
                pos++;
                tp += flagged ? 1 : 0;
            } else {
                fp += flagged ? 1 : 0;
            }
        }
        return new BinaryMetrics(pos, scores.length - pos, tp, fp, auc(scores, attack, pos));
    }

    private static double auc(double[] scores, boolean[] attack, int pos) {
        int neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (attack[order[k]]) {
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
