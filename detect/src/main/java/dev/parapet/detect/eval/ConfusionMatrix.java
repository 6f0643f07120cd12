package dev.parapet.detect.eval;

/**
 * Counts of a binary decision (flagged or not) against a label (attack or benign).
 *
 * @param truePositives  attacks flagged
 * @param falsePositives benign texts flagged
 * @param trueNegatives  benign texts not flagged
 * @param falseNegatives attacks not flagged
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /** The matrix of no texts. */
    public static final ConfusionMatrix EMPTY = new ConfusionMatrix(0, 0, 0, 0);

    /** Checks that no count is negative. */
    public ConfusionMatrix {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** This matrix with one more text of the given label and decision. */
    public ConfusionMatrix plus(boolean attack, boolean flagged) {
        return new ConfusionMatrix(
                truePositives + (attack && flagged ? 1 : 0),
                falsePositives + (!attack && flagged ? 1 : 0),
                trueNegatives + (!attack && !flagged ? 1 : 0),
                falseNegatives + (attack && !flagged ? 1 : 0));
    }

    /** The sum of two matrices. */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        return new ConfusionMatrix(truePositives + other.truePositives, falsePositives + other.falsePositives,
                trueNegatives + other.trueNegatives, falseNegatives + other.falseNegatives);
    }

    /** All texts. */
    public long n() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** Texts labelled attack. */
    public long positives() {
        return truePositives + falseNegatives;
    }

    /** Texts labelled benign. */
    public long negatives() {
        return falsePositives + trueNegatives;
    }

    /** True-positive rate: attacks flagged out of attacks. The same as {@link #recall()}. */
    public Proportion tpr() {
        return new Proportion(truePositives, positives());
    }

    /** False-positive rate: benign texts flagged out of benign texts. */
    public Proportion fpr() {
        return new Proportion(falsePositives, negatives());
    }

    /** Precision: attacks out of the texts flagged. */
    public Proportion precision() {
        return new Proportion(truePositives, truePositives + falsePositives);
    }

    /** Recall: the true-positive rate. */
    public Proportion recall() {
        return tpr();
    }

    /** The harmonic mean of precision and recall, {@code 2TP / (2TP + FP + FN)}; NaN when there are no attacks and none was flagged. */
    public double f1() {
        return Metrics.fScore(1, truePositives, falsePositives, falseNegatives);
    }

    /** The mean of the true-positive and true-negative rates; NaN unless both classes occur. */
    public double balancedAccuracy() {
        return (tpr().value() + (1 - fpr().value())) / 2;
    }
}
