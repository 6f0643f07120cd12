package dev.parapet.app;

import dev.parapet.detect.classifier.BinaryMetrics;
import dev.parapet.detect.classifier.ClassifierModel;
import dev.parapet.detect.classifier.ClassifierTrainer;
import dev.parapet.detect.classifier.Evaluation;
import dev.parapet.detect.classifier.LabeledText;
import dev.parapet.detect.classifier.TrainingCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parapet train}: trains the L3 injection classifier from the shipped corpus, prints its
 * figures on the held-out rows and writes the model file. Run from the repository root with the
 * defaults, it regenerates the shipped model bit for bit.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the L3 prompt-injection classifier and report held-out figures.")
final class TrainCommand implements Callable<Integer> {

    static final Path DEFAULT_CORPUS = Path.of("corpus", "injection");
    static final Path DEFAULT_MODEL = Path.of("detect", "src", "main", "resources", "dev", "parapet", "detect",
            "classifier", "injection-classifier.bin.gz");

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus directory of *.jsonl files (default corpus/injection).")
    Path corpus = DEFAULT_CORPUS;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: the shipped resource).")
    Path out = DEFAULT_MODEL;

    @Option(names = "--eval", paramLabel = "FILE", description = "Also report on the rows of this JSON-lines file "
            + "(format of injection_dev.jsonl) that training never saw.")
    Path eval;

    @Option(names = "--leave-one-source-out", description = "Also train once without each attack source and test on it.")
    boolean leaveOneSourceOut;

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        if (!Files.isDirectory(corpus)) {
            System.err.println("parapet train: corpus directory " + corpus + " does not exist (run from the repository root, "
                    + "or pass --corpus DIR)");
            return 2;
        }
        TrainingCorpus data;
        try {
            data = TrainingCorpus.load(corpus);
        } catch (IOException | RuntimeException e) {
            System.err.println("parapet train: cannot read corpus " + corpus + ": " + e.getMessage());
            return 2;
        }
        console.printf("corpus %s: %d rows from %d sources; %d for training, %d held out%n", corpus,
                data.rows().size(), data.sources().size(), data.trainingPart().size(), data.heldOutPart().size());
        ClassifierTrainer trainer = new ClassifierTrainer(ClassifierTrainer.Options.defaults(), s -> console.println("  " + s));
        long started = System.nanoTime();
        ClassifierTrainer.Report report = trainer.train(data);
        console.printf("trained in %.1f s; threshold %.4f%n", (System.nanoTime() - started) / 1e9, report.model().threshold());
        print(console, "held-out part of the corpus", report.heldOut());
        if (eval != null) {
            List<LabeledText> unseen = data.unseen(TrainingCorpus.readJsonl(eval, eval.getFileName().toString()));
            print(console, eval + " (" + unseen.size() + " rows not trained on)", Evaluation.of(report.model(), unseen));
        }
        if (leaveOneSourceOut) {
            console.println("leave-one-source-out (all attacks of the source + held-out benign rows of the others):");
            for (ClassifierTrainer.LeftOut left : trainer.leaveOneSourceOut(data)) {
                console.printf("  %-40s %s%n", left.source(), line(left.metrics()));
            }
        }
        byte[] bytes = serialise(report.model());
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, bytes);
        console.printf("wrote %s (%d bytes, sha256 %s)%n", out, bytes.length, sha256(bytes));
        return 0;
    }

    private static void print(PrintStream console, String title, Evaluation evaluation) {
        console.println(title + ":");
        console.printf("  %-40s %s%n", "overall", line(evaluation.overall()));
        for (Map.Entry<String, BinaryMetrics> e : evaluation.bySlice().entrySet()) {
            console.printf("  %-40s %s%n", "slice " + e.getKey(), line(e.getValue()));
        }
        for (Map.Entry<String, BinaryMetrics> e : evaluation.bySource().entrySet()) {
            console.printf("  %-40s %s%n", "source " + abbreviate(e.getKey()), line(e.getValue()));
        }
    }

    static String line(BinaryMetrics m) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("n=%-5d", m.positives() + m.negatives()));
        if (m.positives() > 0) {
            s.append(String.format(" TPR %6.2f%% (%d/%d)", 100 * m.tpr(), m.truePositives(), m.positives()));
        }
        if (m.negatives() > 0) {
            s.append(String.format(" FPR %5.2f%% (%d/%d)", 100 * m.fpr(), m.falsePositives(), m.negatives()));
        }
        if (!Double.isNaN(m.auc())) {
            s.append(String.format(" AUC %.4f", m.auc()));
        }
        return s.toString();
    }

    private static String abbreviate(String source) {
        int colon = source.indexOf(':');
        return colon > 0 ? source.substring(0, colon) : source;
    }

    private static byte[] serialise(ClassifierModel model) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        model.write(buffer);
        return buffer.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
