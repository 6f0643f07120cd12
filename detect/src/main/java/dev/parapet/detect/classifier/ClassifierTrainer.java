package dev.parapet.detect.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains a {@link ClassifierModel} and measures it honestly.
 *
 * <p>{@link #fit} uses only the rows it is given: it splits them into folds by a hash of the id,
 * fits one model per fold on the other folds, and scores the fold with it; on those
 * out-of-fold margins it fits the Platt calibration and picks the threshold as the lowest
 * probability at which at most {@link Options#targetFpr()} of the benign rows are flagged.
 * It then fits the final weights on all the rows. {@link #train} fits on the corpus's training
 * part and reports on its held-out part; {@link #leaveOneSourceOut} measures how well attacks
 * of a family never seen in training are caught.
 *
 * <p>Training is deterministic: same rows and options, same model file, bit for bit.
 */
public final class ClassifierTrainer {

    /**
     * Training settings.
     *
     * @param epochs       passes over the data
     * @param learningRate AdaGrad base step
     * @param l2           L2 regularisation strength per update
     * @param folds        folds for out-of-fold calibration and threshold choice
     * @param targetFpr    the share of benign training rows (out of fold) allowed above the threshold
     * @param seed         seed of the shuffles
     */
    public record Options(int epochs, double learningRate, double l2, int folds, double targetFpr, long seed) {
        public Options {
            if (epochs < 1 || folds < 2 || !(learningRate > 0) || l2 < 0 || !(targetFpr >= 0 && targetFpr < 1)) {
                throw new IllegalArgumentException("bad training options");
            }
        }

        /**
         * The settings the shipped model was trained with, chosen on a validation split of the
         * training part (see {@code docs/detection-classifier.md}).
         */
        public static Options defaults() {
            return new Options(8, 0.2, 0, 5, 0.01, 20_261_122L);
        }
    }

    /**
     * The model trained on a corpus's training part and its figures on the held-out part.
     *
     * @param model        the trained model
     * @param trainingRows rows trained on
     * @param heldOut      figures on the held-out rows, at the model's threshold
     */
    public record Report(ClassifierModel model, int trainingRows, Evaluation heldOut) {
    }

    /**
     * Figures for one left-out source.
     *
     * @param source       the source left out of training
     * @param trainingRows rows trained on (training part of every other source)
     * @param metrics      all attacks of the left-out source plus the held-out benign rows of the
     *                     others, at the threshold chosen without the source
     */
    public record LeftOut(String source, int trainingRows, BinaryMetrics metrics) {
    }

    private final Options options;
    private final Consumer<String> progress;

    /**
     * @param options  training settings
     * @param progress receives one line per step (use {@code s -> {}} for silence)
     */
    public ClassifierTrainer(Options options, Consumer<String> progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Fits on {@code corpus.trainingPart()} and evaluates on {@code corpus.heldOutPart()}. */
    public Report train(TrainingCorpus corpus) {
        List<LabeledText> training = corpus.trainingPart();
        ClassifierModel model = fit(training);
        progress.accept("evaluating on " + corpus.heldOutPart().size() + " held-out rows");
        return new Report(model, training.size(), Evaluation.of(model, corpus.heldOutPart()));
    }

    /** For each source with attacks: trains without it and tests on it. */
    public List<LeftOut> leaveOneSourceOut(TrainingCorpus corpus) {
        List<LeftOut> out = new ArrayList<>();
        for (String source : corpus.sources()) {
            List<LabeledText> attacks = corpus.rows().stream().filter(r -> r.source().equals(source) && r.attack()).toList();
            if (attacks.isEmpty()) {
                continue;
            }
            progress.accept("leave-one-source-out: training without " + source);
            List<LabeledText> training = corpus.trainingPart().stream().filter(r -> !r.source().equals(source)).toList();
            ClassifierModel model = fit(training);
            List<LabeledText> test = new ArrayList<>(attacks);
            corpus.heldOutPart().stream().filter(r -> !r.source().equals(source) && !r.attack()).forEach(test::add);
            out.add(new LeftOut(source, training.size(), Evaluation.of(model, test).overall()));
        }
        return out;
    }

    /** Fits, calibrates and thresholds a model on exactly {@code rows}. */
    public ClassifierModel fit(List<LabeledText> rows) {
        List<LabeledText> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(LabeledText::id));
        progress.accept("featurising " + sorted.size() + " rows");
        List<Example> examples = sorted.stream().map(Example::of).toList();
        int[] fold = sorted.stream().mapToInt(r -> TrainingCorpus.bucket(r.id(), "fold") % options.folds()).toArray();
        double[] margins = new double[examples.size()];
        boolean[] attack = new boolean[examples.size()];
        for (int f = 0; f < options.folds(); f++) {
            progress.accept("fold " + (f + 1) + "/" + options.folds());
            List<Example> in = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    in.add(examples.get(i));
                }
            }
            ClassifierModel foldModel = LogisticRegression.fit(in, options);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == f) {
                    margins[i] = foldModel.margin(sorted.get(i).text());
                }
                attack[i] = examples.get(i).attack();
            }
        }
        PlattCalibration platt = PlattCalibration.fit(margins, attack);
        double threshold = threshold(margins, attack, platt);
        progress.accept("final fit on " + examples.size() + " rows; threshold " + threshold);
        return LogisticRegression.fit(examples, options).withCalibration(platt.slope(), platt.intercept(), threshold);
    }

    private double threshold(double[] margins, boolean[] attack, PlattCalibration platt) {
        double[] benign = new double[margins.length];
        int n = 0;
        for (int i = 0; i < margins.length; i++) {
            if (!attack[i]) {
                benign[n++] = Sigmoid.of(platt.slope() * margins[i] + platt.intercept());
            }
        }
        if (n == 0) {
            return 0.5;
        }
        benign = Arrays.copyOf(benign, n);
        Arrays.sort(benign);
        int allowed = (int) Math.floor(options.targetFpr() * n);
        return Math.min(1, Math.nextUp(benign[n - 1 - allowed]));
    }
}
