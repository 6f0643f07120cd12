/**
 * Evaluation: measures the detection engine on labelled JSONL files, the engine behind
 * {@code parapet eval}.
 *
 * <p>{@link dev.parapet.detect.eval.Evaluation#run} reads a file, decides from its first row
 * whether it is an injection file ({@code text}, {@code label}, {@code slice}) or a PII file
 * ({@code text}, {@code spans}), scans every text with a
 * {@link dev.parapet.detect.DetectionEngine} and returns an
 * {@link dev.parapet.detect.eval.EvalReport}: an
 * {@link dev.parapet.detect.eval.InjectionReport} (confusion matrices overall and per slice,
 * ROC AUC, TPR at 1% FPR, latency) or a {@link dev.parapet.detect.eval.PiiReport} (span-level
 * precision, recall and F2 per entity type). {@link dev.parapet.detect.eval.TextReport} and
 * {@link dev.parapet.detect.eval.JsonReport} render a report; {@link dev.parapet.detect.eval.Metrics}
 * holds the statistics (Wilson interval, Mann-Whitney AUC, threshold sweep). The matching rules
 * and what each number means are in {@code docs/detection-eval.md}.
 */
package dev.parapet.detect.eval;
