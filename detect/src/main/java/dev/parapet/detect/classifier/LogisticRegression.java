package dev.parapet.detect.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fits the weights of a logistic regression by stochastic gradient descent with AdaGrad step
 * sizes, L2 regularisation and class weights that give both classes equal total weight. The
 * example order of each epoch is a shuffle with a fixed seed and the arithmetic is sequential,
 * so the same examples in the same order always give the same weights, bit for bit.
 */
final class LogisticRegression {

    private static final double EPSILON = 1e-8;

    private LogisticRegression() {
    }

    /** An uncalibrated model (slope 1, intercept 0, threshold 0.5) fitted to {@code examples}. */
    static ClassifierModel fit(List<Example> examples, ClassifierTrainer.Options options) {
        double[] w = new double[FeatureHasher.BUCKETS];
        double[] g2 = new double[FeatureHasher.BUCKETS];
        double bias = 0;
        double biasG2 = 0;
        long attacks = examples.stream().filter(Example::attack).count();
        long benign = examples.size() - attacks;
        double attackWeight = attacks == 0 ? 0 : examples.size() / (2.0 * attacks);
        double benignWeight = benign == 0 ? 0 : examples.size() / (2.0 * benign);
        List<Integer> order = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(options.seed());
        double lr = options.learningRate();
        double l2 = options.l2();
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                Example ex = examples.get(i);
                int[] idx = ex.buckets();
                float[] val = ex.values();
                double z = bias;
                for (int k = 0; k < idx.length; k++) {
                    z += w[idx[k]] * val[k];
                }
                double error = (Sigmoid.of(z) - (ex.attack() ? 1 : 0)) * (ex.attack() ? attackWeight : benignWeight);
                for (int k = 0; k < idx.length; k++) {
                    int j = idx[k];
                    double grad = error * val[k] + l2 * w[j];
                    g2[j] += grad * grad;
                    w[j] -= lr * grad / (Math.sqrt(g2[j]) + EPSILON);
                }
                biasG2 += error * error;
                bias -= lr * error / (Math.sqrt(biasG2) + EPSILON);
            }
        }
        float[] weights = new float[w.length];
        for (int j = 0; j < w.length; j++) {
            weights[j] = (float) w[j];
        }
        return new ClassifierModel(weights, bias, 1, 0, 0.5);
    }
}
