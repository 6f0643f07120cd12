package dev.parapet.detect.eval;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.detect.DetectionEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * Measures how well the engine finds PII spans.
 *
 * <p>Each text is scanned alone, as the content of one {@code user} message. Findings whose type
 * {@link EntityTypes} maps become predicted spans under the file's type names; other findings are
 * ignored. {@link SpanMatcher} pairs them with the gold spans. Counts are summed per type over the
 * file; the overall figure sums the mapped types only.
 */
public final class PiiEvaluation {

    private PiiEvaluation() {
    }

    /** Reads a PII file and measures the engine on it. */
    public static PiiReport run(Path file, DetectionEngine engine) throws EvalDataException {
        return run(file, engine, EvalProgress.NONE);
    }

    /** Reads a PII file and measures the engine on it, reporting progress. */
    public static PiiReport run(Path file, DetectionEngine engine, EvalProgress progress) throws EvalDataException {
        return evaluate(EvalFileReader.readPii(file), engine, progress);
    }

    /** Measures the engine on samples already read. */
    public static PiiReport evaluate(List<PiiSample> samples, DetectionEngine engine, EvalProgress progress) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(progress, "progress");
        Map<String, EntityScore> byType = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            PiiSample sample = samples.get(i);
            List<Finding> findings = engine.scan(List.of(new ChatMessage("user", sample.text()))).findings();
            tally(SpanMatcher.match(predictions(findings), sample.spans()), byType);
            progress.scanned(i + 1, samples.size());
        }
        return report(samples.size(), byType);
    }

    /** The findings of mapped types, as spans under the evaluation's type names. */
    static List<EntitySpan> predictions(List<Finding> findings) {
        List<EntitySpan> spans = new ArrayList<>();
        for (Finding f : findings) {
            EntityTypes.entityOf(f.type()).ifPresent(type -> spans.add(new EntitySpan(type, f.start(), f.end())));
        }
        return spans;
    }

    private static void tally(SpanMatch match, Map<String, EntityScore> byType) {
        for (EntitySpan s : match.truePositives()) {
            byType.merge(s.type(), new EntityScore(1, 1, 1), EntityScore::plus);
        }
        for (EntitySpan s : match.falsePositives()) {
            byType.merge(s.type(), new EntityScore(0, 1, 0), EntityScore::plus);
        }
        for (EntitySpan s : match.missed()) {
            byType.merge(s.type(), new EntityScore(1, 0, 0), EntityScore::plus);
        }
    }

    static PiiReport report(long texts, Map<String, EntityScore> byType) {
        SequencedMap<String, EntityScore> entities = new LinkedHashMap<>();
        EntityScore overall = EntityScore.EMPTY;
        for (String type : EntityTypes.FINDING_TO_ENTITY.values()) {
            EntityScore score = byType.get(type);
            if (score != null) {
                entities.put(type, score);
                overall = overall.plus(score);
            }
        }
        SequencedMap<String, EntityScore> notInOverall = new LinkedHashMap<>();
        byType.entrySet().stream()
                .filter(e -> !EntityTypes.isScored(e.getKey()))
                .sorted(Map.Entry.<String, EntityScore>comparingByValue(Comparator.comparingLong(EntityScore::n))
                        .reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> notInOverall.put(e.getKey(), e.getValue()));
        return new PiiReport(texts, overall, entities, notInOverall);
    }
}
