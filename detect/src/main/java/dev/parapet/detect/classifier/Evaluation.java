package dev.parapet.detect.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How a model does on a labelled set at its own threshold: overall, per slice and per source.
 *
 * @param overall  all rows
 * @param bySlice  rows grouped by {@link LabeledText#slice()}, sorted by name
 * @param bySource rows grouped by {@link LabeledText#source()}, sorted by name
 */
public record Evaluation(BinaryMetrics overall, Map<String, BinaryMetrics> bySlice, Map<String, BinaryMetrics> bySource) {

    /** Scores every row with {@code model} and measures at the model's threshold. */
    public static Evaluation of(ClassifierModel model, List<LabeledText> rows) {
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.probability(rows.get(i).text());
        }
        return new Evaluation(metrics(rows, scores, model.threshold()),
                grouped(rows, scores, model.threshold(), LabeledText::slice),
                grouped(rows, scores, model.threshold(), LabeledText::source));
    }

    private static Map<String, BinaryMetrics> grouped(List<LabeledText> rows, double[] scores, double threshold,
                                                      Function<LabeledText, String> key) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(key.apply(rows.get(i)), k -> new ArrayList<>()).add(i);
        }
        Map<String, BinaryMetrics> out = new TreeMap<>();
        groups.forEach((name, members) -> {
            List<LabeledText> sub = members.stream().map(rows::get).toList();
            double[] subScores = members.stream().mapToDouble(i -> scores[i]).toArray();
            out.put(name, metrics(sub, subScores, threshold));
        });
        return out;
    }

    private static BinaryMetrics metrics(List<LabeledText> rows, double[] scores, double threshold) {
        boolean[] attack = new boolean[rows.size()];
        for (int i = 0; i < attack.length; i++) {
            attack[i] = rows.get(i).attack();
        }
        return BinaryMetrics.of(scores, attack, threshold);
    }
}
