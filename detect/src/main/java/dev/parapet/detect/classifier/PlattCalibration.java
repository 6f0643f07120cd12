package dev.parapet.detect.classifier;

/**
 * Platt scaling: fits {@code p = sigmoid(slope * margin + intercept)} to labelled margins by
 * Newton's method on the log loss, with Platt's smoothed targets so that separable data does not
 * drive the slope to infinity. Margins should come from models that did not train on them.
 *
 * @param slope     multiplies the margin
 * @param intercept is added after
 */
record PlattCalibration(double slope, double intercept) {

    static PlattCalibration fit(double[] margins, boolean[] attack) {
        int pos = 0;
        for (boolean a : attack) {
            pos += a ? 1 : 0;
        }
        int neg = margins.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (int i = 0; i < margins.length; i++) {
                double p = Sigmoid.of(a * margins[i] + b);
                double d = p - (attack[i] ? hi : lo);
                double s = p * (1 - p);
                ga += d * margins[i];
                gb += d;
                haa += s * margins[i] * margins[i];
                hab += s * margins[i];
                hbb += s;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                break;
            }
        }
        if (!(a > 0) || !Double.isFinite(b)) {
            throw new IllegalStateException("calibration failed (slope " + a + ", intercept " + b
                    + "): the out-of-fold margins do not separate the classes; lower the learning rate");
        }
        return new PlattCalibration(a, b);
    }
}
