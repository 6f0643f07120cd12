package dev.parapet.detect.classifier;

/** The logistic function, computed without overflow. */
final class Sigmoid {

    private Sigmoid() {
    }

    static double of(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
