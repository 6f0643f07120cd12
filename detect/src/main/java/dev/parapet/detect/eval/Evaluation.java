package dev.parapet.detect.eval;

import dev.parapet.detect.DetectionEngine;

import java.nio.file.Path;

/** The entry point of {@code parapet eval}: measures the engine on a file of either kind. */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Reads {@code file}, tells its kind from the first row ({@link EvalFileReader#kindOf}) and
     * runs {@link InjectionEvaluation} or {@link PiiEvaluation} on it.
     *
     * @throws EvalDataException when the file is unreadable or a row is not valid for its kind
     */
    public static EvalReport run(Path file, DetectionEngine engine, EvalProgress progress) throws EvalDataException {
        return switch (EvalFileReader.kindOf(file)) {
            case INJECTION -> InjectionEvaluation.run(file, engine, progress);
            case PII -> PiiEvaluation.run(file, engine, progress);
        };
    }
}
