package dev.parapet.detect.eval;

/** The result of {@link Evaluation#run}: one report per file kind. */
public sealed interface EvalReport permits InjectionReport, PiiReport {
}
