package dev.parapet.detect.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained injection classifier: the weights of a logistic regression over hashed features,
 * the Platt calibration that turns its margin into a probability, and the decision threshold on
 * that probability, chosen at training time. Immutable and thread-safe.
 *
 * <p>File format (gzip): the ASCII magic {@code PARAPET-L3}, {@link #FORMAT_VERSION}, the number
 * of hash bits, then bias, calibration slope, calibration intercept and threshold as big-endian
 * doubles, then one big-endian float per bucket. Writing is deterministic: the same model always
 * gives the same bytes.
 */
public final class ClassifierModel {

    /** The version of the feature definition and file layout; a file of another version is refused. */
    public static final int FORMAT_VERSION = 2; // 2: counts normalised by their L2 norm (1: by the number of features)

    private static final byte[] MAGIC = "PARAPET-L3".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final float[] weights;
    private final double bias;
    private final double calibrationSlope;
    private final double calibrationIntercept;
    private final double threshold;

    ClassifierModel(float[] weights, double bias, double calibrationSlope, double calibrationIntercept, double threshold) {
        if (weights.length != FeatureHasher.BUCKETS) {
            throw new IllegalArgumentException("expected " + FeatureHasher.BUCKETS + " weights, got " + weights.length);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold out of [0,1]: " + threshold);
        }
        this.weights = weights.clone();
        this.bias = bias;
        this.calibrationSlope = calibrationSlope;
        this.calibrationIntercept = calibrationIntercept;
        this.threshold = threshold;
    }

    /** The probability at or above which a text is reported as an injection. */
    public double threshold() {
        return threshold;
    }

    /**
     * The calibrated probability that {@code text} is a prompt injection or jailbreak.
     *
     * @param text any text, in its original form
     * @return a probability in [0, 1]
     */
    public double probability(String text) {
        return calibrate(margin(text));
    }

    /** The same model with another decision threshold. */
    public ClassifierModel withThreshold(double newThreshold) {
        return new ClassifierModel(weights, bias, calibrationSlope, calibrationIntercept, newThreshold);
    }

    /**
     * The bias plus the dot product of the weights with the text's L2-normalised bucket counts:
     * {@code Σ w_b·c_b / sqrt(Σ c_b²)}. Normalising by the counts' own norm (not the number of
     * features) keeps the margin bounded however long or repetitive the text is.
     */
    double margin(String text) {
        WeightSum sum = new WeightSum(weights, text.length());
        FeatureHasher.forEach(ClassifierText.normalize(text), sum);
        return sum.squares == 0 ? bias : bias + sum.sum / Math.sqrt(sum.squares);
    }

    /**
     * Adds up the weights of the features of one text as they are hashed, and the sum of the
     * squared bucket counts, counting buckets in a small open-addressing table sized to the text.
     */
    private static final class WeightSum implements FeatureHasher.Sink {
        private final float[] weights;
        private int[] keys;
        private int[] counts;
        private int size;
        double sum;
        long squares;

        WeightSum(float[] weights, int textLength) {
            this.weights = weights;
            int capacity = Integer.highestOneBit(Math.max(64, textLength)) << 2; // grows when half full
            this.keys = new int[capacity];
            this.counts = new int[capacity];
        }

        @Override
        public void add(int bucket) {
            sum += weights[bucket];
            int c = increment(bucket);
            squares += 2L * c - 1; // (c)^2 - (c-1)^2
        }

        /** The bucket's count after this occurrence. */
        private int increment(int bucket) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int key = bucket + 1; // 0 marks an empty slot
            int mask = keys.length - 1;
            int i = (key * 0x9E3779B1) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                size++;
            }
            return ++counts[i];
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new int[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldKeys[k] != 0) {
                    int i = (oldKeys[k] * 0x9E3779B1) & mask;
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[k];
                    counts[i] = oldCounts[k];
                }
            }
        }
    }

    double calibrate(double margin) {
        return Sigmoid.of(calibrationSlope * margin + calibrationIntercept);
    }

    ClassifierModel withCalibration(double slope, double intercept, double newThreshold) {
        return new ClassifierModel(weights, bias, slope, intercept, newThreshold);
    }

    /** Writes this model in the file format described above; the stream is finished, not closed. */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(gzip, 1 << 16));
        data.write(MAGIC);
        data.writeInt(FORMAT_VERSION);
        data.writeInt(FeatureHasher.BITS);
        data.writeDouble(bias);
        data.writeDouble(calibrationSlope);
        data.writeDouble(calibrationIntercept);
        data.writeDouble(threshold);
        for (float w : weights) {
            data.writeFloat(w);
        }
        data.flush();
        gzip.finish();
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws IOException if the stream is not a model file of this version
     */
    public static ClassifierModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16));
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a Parapet classifier model: bad magic");
        }
        int version = data.readInt();
        int bits = data.readInt();
        if (version != FORMAT_VERSION || bits != FeatureHasher.BITS) {
            throw new IOException("classifier model has format " + version + " with " + bits
                    + " hash bits; expected format " + FORMAT_VERSION + " with " + FeatureHasher.BITS);
        }
        double bias = data.readDouble();
        double slope = data.readDouble();
        double intercept = data.readDouble();
        double threshold = data.readDouble();
        float[] weights = new float[FeatureHasher.BUCKETS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = data.readFloat();
        }
        return new ClassifierModel(weights, bias, slope, intercept, threshold);
    }
}
