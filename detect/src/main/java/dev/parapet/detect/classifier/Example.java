package dev.parapet.detect.classifier;

import java.util.Arrays;

/**
 * A text as the optimiser sees it: its distinct feature buckets, ascending, each with its count
 * divided by the L2 norm of all the counts (so that the dot product with the weights equals
 * {@link ClassifierModel#margin} without the bias).
 */
record Example(int[] buckets, float[] values, boolean attack) {

    static Example of(LabeledText row) {
        int[] all = FeatureHasher.buckets(ClassifierText.normalize(row.text()));
        if (all.length == 0) {
            return new Example(new int[0], new float[0], row.attack());
        }
        int[] sorted = all.clone();
        Arrays.sort(sorted);
        int[] buckets = new int[sorted.length];
        int[] counts = new int[sorted.length];
        int distinct = 0;
        for (int b : sorted) {
            if (distinct > 0 && buckets[distinct - 1] == b) {
                counts[distinct - 1]++;
            } else {
                buckets[distinct] = b;
                counts[distinct++] = 1;
            }
        }
        long squares = 0;
        for (int i = 0; i < distinct; i++) {
            squares += (long) counts[i] * counts[i];
        }
        double scale = 1 / Math.sqrt(squares);
        float[] values = new float[distinct];
        for (int i = 0; i < distinct; i++) {
            values[i] = (float) (counts[i] * scale);
        }
        return new Example(Arrays.copyOf(buckets, distinct), values, row.attack());
    }
}
