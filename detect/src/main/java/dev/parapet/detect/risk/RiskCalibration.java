package dev.parapet.detect.risk;

import java.util.Arrays;
import java.util.List;

/**
 * Fits a {@link RiskModel} to labelled signal vectors: a logistic regression with non-negative
 * weights (projected Newton steps on the log-loss with a weak L2 penalty, so that a signal that
 * separates the rows perfectly still gets a finite weight), then the thresholds that keep the
 * false-positive rate on the benign rows at or below the given rates.
 *
 * <p>The intercept is then moved to even prior odds: the score is the probability of attack as
 * if attacks and benign texts were equally common, so it does not depend on the share of
 * attacks in the calibration data (the thresholds, chosen after the move, select the same rows).
 *
 * <p>Deterministic: the same rows in the same order give the same model.
 */
public final class RiskCalibration {

    /** L2 penalty on the weights (not the intercept), in total. */
    static final double L2 = 0.01;
    static final int ITERATIONS = 100;

    private RiskCalibration() {
    }

    /** One labelled interaction: its signals and whether it was an attack. */
    public record Row(RiskSignals signals, boolean attack) {
    }

    /** The false-positive rates the thresholds are chosen for. */
    public record Targets(double holdFpr, double blockFpr, int exposureCap) {
        public Targets {
            if (!(blockFpr >= 0 && blockFpr <= holdFpr && holdFpr <= 1)) {
                throw new IllegalArgumentException("need 0 ≤ blockFpr ≤ holdFpr ≤ 1");
            }
        }
    }

    /**
     * Fits the model on {@code rows} and chooses its thresholds.
     *
     * @throws IllegalArgumentException when the rows hold no attack or no benign example
     */
    public static RiskModel fit(List<Row> rows, Targets targets, String provenance) {
        int n = rows.size();
        int attacks = (int) rows.stream().filter(Row::attack).count();
        if (attacks == 0 || attacks == n) {
            throw new IllegalArgumentException("calibration needs attacks and benign rows (got " + attacks + " of " + n + ")");
        }
        int d = RiskModel.FEATURES.length + 1;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] f = RiskModel.features(rows.get(i).signals());
            x[i] = new double[d];
            x[i][0] = 1;
            System.arraycopy(f, 0, x[i], 1, f.length);
            y[i] = rows.get(i).attack() ? 1 : 0;
        }
        double[] w = new double[d];
        w[0] = Math.log((double) attacks / (n - attacks));
        for (int it = 0; it < ITERATIONS; it++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(w, x[i]));
                double r = p * (1 - p);
                for (int a = 0; a < d; a++) {
                    grad[a] += (p - y[i]) * x[i][a];
                    for (int b = 0; b < d; b++) {
                        hess[a][b] += r * x[i][a] * x[i][b];
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                grad[a] += L2 * w[a];
                hess[a][a] += L2;
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a < d; a++) {
                double next = w[a] - step[a];
                if (a > 0 && next < 0) {
                    next = 0; // a signal never lowers the risk
                }
                change = Math.max(change, Math.abs(next - w[a]));
                w[a] = next;
            }
            if (change < 1e-9) {
                break;
            }
        }
        double[] weights = Arrays.copyOfRange(w, 1, d);
        double intercept = w[0] + Math.log((double) (n - attacks) / attacks);
        RiskModel unthresholded = new RiskModel(intercept, weights, targets.exposureCap(), 0, 100, provenance);
        int[] benign = rows.stream().filter(r -> !r.attack()).mapToInt(r -> unthresholded.score(r.signals())).toArray();
        int hold = lowestThreshold(benign, targets.holdFpr());
        int block = Math.max(hold, lowestThreshold(benign, targets.blockFpr()));
        return new RiskModel(intercept, weights, targets.exposureCap(), hold, block, provenance);
    }

    /** The lowest threshold t in 1..100 with at most {@code fpr} of {@code benign} scoring ≥ t. */
    static int lowestThreshold(int[] benign, double fpr) {
        int[] atLeast = new int[102];
        for (int s : benign) {
            atLeast[s]++;
        }
        for (int t = 100; t >= 0; t--) {
            atLeast[t] += atLeast[t + 1];
        }
        for (int t = 1; t <= 100; t++) {
            if (atLeast[t] <= fpr * benign.length) {
                return t;
            }
        }
        return 100;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves {@code a·x = b} by Gaussian elimination with partial pivoting (a is small and SPD). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            if (Math.abs(m[col][col]) < 1e-12) {
                m[col][col] = 1e-12;
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int c = i + 1; c < n; c++) {
                s -= m[i][c] * x[c];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
