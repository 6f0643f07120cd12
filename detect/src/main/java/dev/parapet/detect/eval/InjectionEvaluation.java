package dev.parapet.detect.eval;

import dev.parapet.core.ChatMessage;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.DetectionResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Measures how well the engine separates attacks from benign texts.
 *
 * <p>Each text is scanned alone, as the content of one {@code user} message. Its score is the
 * engine's risk score over 100 (every layer, calibrated: {@link dev.parapet.detect.risk.RiskModel}),
 * and the text is predicted attack when the risk score reaches the risk model's block threshold —
 * what the default policy bundle blocks on. Each scan is timed with
 * {@link System#nanoTime()}; before the counted pass, {@value #WARMUP_SCANS} scans of texts
 * spread evenly over the file (so that every slice, short and long, is represented; each text
 * repeated when the file is shorter) warm the JIT and are discarded.
 */
public final class InjectionEvaluation {

    /** Scans run and discarded before timing starts. */
    public static final int WARMUP_SCANS = 1_000;

    private InjectionEvaluation() {
    }

    /** Reads an injection file and measures the engine on it. */
    public static InjectionReport run(Path file, DetectionEngine engine) throws EvalDataException {
        return run(file, engine, EvalProgress.NONE);
    }

    /** Reads an injection file and measures the engine on it, reporting progress. */
    public static InjectionReport run(Path file, DetectionEngine engine, EvalProgress progress)
            throws EvalDataException {
        return evaluate(EvalFileReader.readInjection(file), engine, progress);
    }

    /** Measures the engine on samples already read. */
    public static InjectionReport evaluate(List<InjectionSample> samples, DetectionEngine engine,
                                           EvalProgress progress) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(progress, "progress");
        for (int i = 0; i < WARMUP_SCANS && !samples.isEmpty(); i++) {
            engine.scan(messages(samples.get((int) ((long) i * samples.size() / WARMUP_SCANS))));
        }
        List<InjectionObservation> observations = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            InjectionSample sample = samples.get(i);
            List<ChatMessage> messages = messages(sample);
            long begin = System.nanoTime();
            DetectionResult result = engine.scan(messages);
            long nanos = System.nanoTime() - begin;
            observations.add(observe(sample, result, nanos, engine.riskModel().block()));
            progress.scanned(i + 1, samples.size());
        }
        return InjectionReport.of(observations);
    }

    /** The verdict and score of one scan of a sample. */
    static InjectionObservation observe(InjectionSample sample, DetectionResult result, long nanos, int blockFrom) {
        return new InjectionObservation(sample.attack(), sample.slice(), result.riskScore() >= blockFrom,
                result.riskScore() / 100.0, nanos);
    }

    private static List<ChatMessage> messages(InjectionSample sample) {
        return List.of(new ChatMessage("user", sample.text()));
    }
}
