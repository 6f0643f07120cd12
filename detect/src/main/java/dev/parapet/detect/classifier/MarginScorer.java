package dev.parapet.detect.classifier;

/**
 * Computes {@link ClassifierModel#margin} for texts or regions of a text, reusing its buffers
 * from one to the next: the normalised characters, the feature buckets, and one count per bucket
 * (a 512 KB table, so that counting a feature is one increment rather than a hash-table probe).
 * Scorers are pooled by their model ({@link ClassifierModel#borrowScorer()}); one is used by one
 * thread at a time.
 *
 * <p>The margin is {@code bias + Σ w_b·c_b / sqrt(Σ c_b²)} over bucket counts {@code c_b}. The
 * weights are summed in feature order, as one double, so the result is the same to the last bit
 * however the text is split into calls.
 */
final class MarginScorer {

    private final float[] weights;
    private final double bias;
    private final ClassifierText.Buffer normalised = new ClassifierText.Buffer();
    private char[] framed = new char[0];
    private int[] buckets = new int[0];
    /** The count of each bucket in the current text; all zero between calls. */
    private final char[] counts = new char[FeatureHasher.BUCKETS];

    MarginScorer(float[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** The margin of {@code text[from, to)}, as if it were cut out first. */
    double margin(String text, int from, int to) {
        ClassifierText.normalize(text, from, to, normalised);
        int length = normalised.length;
        int capacity = FeatureHasher.capacityFor(length);
        if (buckets.length < capacity) {
            buckets = new int[capacity];
        }
        framed = FeatureHasher.framed(normalised.chars, length, framed);
        int n = FeatureHasher.fill(framed, length, buckets);
        if (n > Character.MAX_VALUE) { // a count could overflow a char: only for texts far longer than a window
            return wideMargin(n);
        }
        int[] b = buckets;
        float[] w = weights;
        char[] c = counts;
        double sum = 0;
        long squares = 0; // Σ count², as Σ over occurrences of count² - (count - 1)²
        for (int k = 0; k < n; k++) {
            int bucket = b[k];
            sum += w[bucket];
            squares += 2L * ++c[bucket] - 1;
        }
        for (int k = 0; k < n; k++) {
            c[b[k]] = 0;
        }
        return squares == 0 ? bias : bias + sum / Math.sqrt(squares);
    }

    private double wideMargin(int n) {
        int[] wide = new int[FeatureHasher.BUCKETS];
        double sum = 0;
        long squares = 0;
        for (int k = 0; k < n; k++) {
            sum += weights[buckets[k]];
            squares += 2L * ++wide[buckets[k]] - 1;
        }
        return bias + sum / Math.sqrt(squares);
    }
}
