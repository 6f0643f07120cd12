package dev.parapet.detect.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Turns {@link RiskSignals} into the risk score 0–100.
 *
 * <p>The threat score is a calibrated probability of attack, in percent:
 * {@code 100 × sigmoid(intercept + w·features)} over the features of {@link #features}: the
 * strongest signature, the classifier's log-odds, the strongest heuristic and the obfuscation
 * flag. Weights are non-negative, so no signal ever lowers the score. Sensitive data adds an
 * exposure score capped at {@link #exposureCap()}: it marks an interaction as worth attention
 * without pushing it into the hold band on its own, since policy handles data by redaction. The
 * risk score is the larger of the two.
 *
 * <p>{@link #hold()} and {@link #block()} are the thresholds suggested by calibration: scores in
 * {@code [hold, block)} are ambiguous, scores from {@code block} are attacks at the calibrated
 * false-positive rate. Policy bundles may set their own. Instances are immutable.
 *
 * @param intercept   the model's bias
 * @param weights     one weight per feature, in the order of {@link #FEATURES}, each ≥ 0
 * @param exposureCap the most that sensitive data alone adds, 0–100
 * @param hold        the lowest score suggested for holding, 0–100
 * @param block       the lowest score suggested for blocking, hold ≤ block ≤ 100
 * @param provenance  how the model was fitted (data, split, figures), for people
 */
public record RiskModel(double intercept, double[] weights, int exposureCap, int hold, int block, String provenance) {

    /** Feature names, in the order of {@link #weights()}. */
    public static final String[] FEATURES = {"signature", "classifier", "heuristic", "obfuscation"};

    /** The shipped model's resource, beside this class. */
    public static final String RESOURCE = "risk-model.properties";

    /** Log-odds of the classifier are clipped to ±this, so 0 and 1 stay finite. */
    static final double MAX_LOG_ODDS = 7.0;

    private static final RiskModel SHIPPED = load();

    /** Validates and copies the weights. */
    public RiskModel {
        weights = weights.clone();
        if (weights.length != FEATURES.length) {
            throw new IllegalArgumentException("expected " + FEATURES.length + " weights, got " + weights.length);
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + w);
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept must be finite");
        }
        if (exposureCap < 0 || exposureCap > 100 || hold < 0 || block > 100 || hold > block) {
            throw new IllegalArgumentException("need 0 ≤ exposureCap ≤ 100 and 0 ≤ hold ≤ block ≤ 100");
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The model shipped with Parapet ({@value #RESOURCE}). */
    public static RiskModel shipped() {
        return SHIPPED;
    }

    /** The risk score 0–100: the larger of the threat score and the capped exposure. */
    public int score(RiskSignals signals) {
        return Math.max(threat(signals), Math.min(exposureCap, signals.exposure()));
    }

    /** The threat score 0–100: the calibrated probability of attack, in percent. */
    public int threat(RiskSignals signals) {
        return (int) Math.round(100 * probability(features(signals)));
    }

    /** The calibrated probability of attack for a feature vector. */
    public double probability(double[] features) {
        double z = intercept;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The feature vector of the signals, in the order of {@link #FEATURES}. */
    public static double[] features(RiskSignals s) {
        double p = Math.clamp(s.classifier(), 1e-6, 1 - 1e-6);
        double logOdds = Math.clamp(Math.log(p / (1 - p)), -MAX_LOG_ODDS, MAX_LOG_ODDS);
        return new double[] {s.signature(), logOdds, s.heuristic(), s.obfuscated() ? 1 : 0};
    }

    /** Reads a model in the format {@link #write} produces. */
    public static RiskModel read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        try {
            if (!"1".equals(p.getProperty("format"))) {
                throw new IOException("unknown risk model format " + p.getProperty("format") + " (expected 1)");
            }
            double[] weights = new double[FEATURES.length];
            for (int i = 0; i < FEATURES.length; i++) {
                weights[i] = Double.parseDouble(required(p, "weight." + FEATURES[i]));
            }
            return new RiskModel(Double.parseDouble(required(p, "intercept")), weights,
                    Integer.parseInt(required(p, "exposure.cap")), Integer.parseInt(required(p, "threshold.hold")),
                    Integer.parseInt(required(p, "threshold.block")), p.getProperty("provenance", ""));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid risk model: " + e.getMessage(), e);
        }
    }

    /** Writes the model as sorted properties, so that equal models give equal files. */
    public void write(Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("# Parapet risk model: see docs/detection.md (written by parapet calibrate)\n");
        s.append("format=1\n");
        s.append("exposure.cap=").append(exposureCap).append('\n');
        s.append("intercept=").append(fmt(intercept)).append('\n');
        s.append("provenance=").append(provenance.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        s.append("threshold.block=").append(block).append('\n');
        s.append("threshold.hold=").append(hold).append('\n');
        for (int i = 0; i < FEATURES.length; i++) {
            s.append("weight.").append(FEATURES[i]).append('=').append(fmt(weights[i])).append('\n');
        }
        out.write(s.toString());
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    private static String required(Properties p, String key) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException("risk model lacks '" + key + "'");
        }
        return v.trim();
    }

    private static RiskModel load() {
        try (InputStream in = RiskModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskModel m && Double.compare(intercept, m.intercept) == 0
                && java.util.Arrays.equals(weights, m.weights) && exposureCap == m.exposureCap && hold == m.hold
                && block == m.block && provenance.equals(m.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intercept, java.util.Arrays.hashCode(weights), exposureCap, hold, block, provenance);
    }

    @Override
    public String toString() {
        return "RiskModel[intercept=" + fmt(intercept) + ", weights=" + java.util.Arrays.toString(weights)
                + ", exposureCap=" + exposureCap + ", hold=" + hold + ", block=" + block + "]";
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
