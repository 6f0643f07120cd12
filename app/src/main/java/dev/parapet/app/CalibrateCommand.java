package dev.parapet.app;

import dev.parapet.core.ChatMessage;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.DetectionResult;
import dev.parapet.detect.classifier.LabeledText;
import dev.parapet.detect.classifier.TrainingCorpus;
import dev.parapet.detect.risk.RiskCalibration;
import dev.parapet.detect.risk.RiskModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parapet calibrate}: fits the risk model (how the layers' signals combine into the risk
 * score, and the suggested hold and block thresholds) on labelled data, honestly split.
 *
 * <p>Only rows the classifier was not trained on are used (neither their id nor their text is in
 * the training part of the shipped corpus). Of those, rows whose id ends in an even number fit
 * the model and choose the thresholds — the half the signatures were also written from; rows
 * ending in an odd number are only reported on. Run from the repository root with the defaults
 * (and the same data), it regenerates the shipped model exactly.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit the risk model and its thresholds on labelled data; report on a held-out half.")
final class CalibrateCommand implements Callable<Integer> {

    static final Path DEFAULT_MODEL = Path.of("detect", "src", "main", "resources", "dev", "parapet", "detect", "risk",
            RiskModel.RESOURCE);
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "JSON-lines file with text, label 1/0, slice and id (format of injection_dev.jsonl).")
    Path data;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The classifier's corpus, to leave out rows it was trained on (default corpus/injection).")
    Path corpus = TrainCommand.DEFAULT_CORPUS;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: the shipped resource).")
    Path out = DEFAULT_MODEL;

    @Option(names = "--hold-fpr", paramLabel = "RATE", description = "False-positive rate on benign rows at the hold threshold (default 0.03).")
    double holdFpr = 0.03;

    @Option(names = "--block-fpr", paramLabel = "RATE", description = "False-positive rate on benign rows at the block threshold (default 0.005).")
    double blockFpr = 0.005;

    @Option(names = "--exposure-cap", paramLabel = "N", description = "The most that sensitive data alone adds to the risk score (default 50).")
    int exposureCap = 50;

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        if (!Files.isRegularFile(data)) {
            System.err.println("parapet calibrate: no such file: " + data);
            return 2;
        }
        if (!Files.isDirectory(corpus)) {
            System.err.println("parapet calibrate: corpus directory " + corpus + " does not exist (run from the repository root, or pass --corpus DIR)");
            return 2;
        }
        RiskCalibration.Targets targets;
        try {
            targets = new RiskCalibration.Targets(holdFpr, blockFpr, exposureCap);
        } catch (IllegalArgumentException e) {
            System.err.println("parapet calibrate: " + e.getMessage());
            return 2;
        }
        List<LabeledText> unseen = TrainingCorpus.load(corpus).unseen(TrainingCorpus.readJsonl(data, data.getFileName().toString()));
        List<Scored> fit = new ArrayList<>();
        List<Scored> report = new ArrayList<>();
        DetectionEngine engine = DetectionEngine.defaults();
        int done = 0;
        for (LabeledText row : unseen) {
            Matcher m = TRAILING_NUMBER.matcher(row.id());
            if (!m.find()) {
                continue;
            }
            DetectionResult result = engine.scan(List.of(new ChatMessage("user", row.text())));
            Scored scored = new Scored(new RiskCalibration.Row(result.signals(), row.attack()), row.slice());
            (Long.parseLong(m.group(1).substring(Math.max(0, m.group(1).length() - 1))) % 2 == 0 ? fit : report).add(scored);
            if (++done % 1000 == 0) {
                System.err.printf("parapet calibrate: scanned %d of %d rows%n", done, unseen.size());
            }
        }
        String provenance = String.format(Locale.ROOT,
                "fitted on %d rows of %s with even ids that the classifier never saw; hold at FPR %.3f, block at FPR %.3f",
                fit.size(), data.getFileName(), holdFpr, blockFpr);
        RiskModel model;
        try {
            model = RiskCalibration.fit(fit.stream().map(Scored::row).toList(), targets, provenance);
        } catch (IllegalArgumentException e) {
            System.err.println("parapet calibrate: " + e.getMessage());
            return 1;
        }
        console.println(model);
        print(console, "fit half (even ids, " + fit.size() + " rows)", fit, model);
        print(console, "report half (odd ids, " + report.size() + " rows, never used to fit)", report, model);
        StringWriter text = new StringWriter();
        model.write(text);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
        console.println("wrote " + out);
        return 0;
    }

    private record Scored(RiskCalibration.Row row, String slice) {
    }

    private static void print(PrintStream console, String title, List<Scored> rows, RiskModel model) {
        console.println(title + ":");
        Map<String, int[]> bySlice = new TreeMap<>();
        for (Scored s : rows) {
            int score = model.score(s.row().signals());
            int[] c = bySlice.computeIfAbsent(s.slice(), k -> new int[3]);
            c[0]++;
            if (score >= model.block()) {
                c[1]++;
            } else if (score >= model.hold()) {
                c[2]++;
            }
        }
        int[] attacks = new int[3];
        int[] benign = new int[3];
        for (Scored s : rows) {
            int score = model.score(s.row().signals());
            int[] c = s.row().attack() ? attacks : benign;
            c[0]++;
            if (score >= model.block()) {
                c[1]++;
            } else if (score >= model.hold()) {
                c[2]++;
            }
        }
        console.printf(Locale.ROOT, "  %-18s %5s %14s %14s%n", "", "n", "block", "hold band");
        console.printf(Locale.ROOT, "  %-18s %5d %14s %14s%n", "attacks (TPR)", attacks[0], pct(attacks[1], attacks[0]), pct(attacks[2], attacks[0]));
        console.printf(Locale.ROOT, "  %-18s %5d %14s %14s%n", "benign (FPR)", benign[0], pct(benign[1], benign[0]), pct(benign[2], benign[0]));
        for (Map.Entry<String, int[]> e : bySlice.entrySet()) {
            int[] c = e.getValue();
            console.printf(Locale.ROOT, "  %-18s %5d %14s %14s%n", "slice " + e.getKey(), c[0], pct(c[1], c[0]), pct(c[2], c[0]));
        }
    }

    private static String pct(int k, int n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%d (%.1f%%)", k, 100.0 * k / n);
    }
}
