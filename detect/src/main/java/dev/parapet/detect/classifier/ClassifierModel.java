package dev.parapet.detect.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained injection classifier: the weights of a logistic regression over hashed features,
 * the Platt calibration that turns its margin into a probability, and the decision threshold on
 * that probability, chosen at training time. Immutable and thread-safe (it keeps a pool of
 * scoring buffers, which changes nothing it computes).
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

    /** Idle scorers kept for reuse; more concurrent scans make more, which are dropped afterwards. */
    static final int POOLED_SCORERS = 16;

    private final float[] weights;
    private final double bias;
    private final double calibrationSlope;
    private final double calibrationIntercept;
    private final double threshold;
    private final ArrayBlockingQueue<MarginScorer> idleScorers = new ArrayBlockingQueue<>(POOLED_SCORERS);

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
        MarginScorer scorer = borrowScorer();
        try {
            return scorer.margin(text, 0, text.length());
        } finally {
            releaseScorer(scorer);
        }
    }

    /**
     * A scorer for many texts or windows in a row, from this model's pool (scorers hold large
     * buffers, so they are reused rather than made per text); give it back with
     * {@link #releaseScorer}. The caller's thread has it to itself until then.
     */
    MarginScorer borrowScorer() {
        MarginScorer scorer = idleScorers.poll();
        return scorer != null ? scorer : new MarginScorer(weights, bias);
    }

    /** Returns a scorer to the pool; beyond {@value #POOLED_SCORERS} idle ones it is dropped. */
    void releaseScorer(MarginScorer scorer) {
        idleScorers.offer(scorer);
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
