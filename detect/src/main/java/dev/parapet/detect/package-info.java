/**
 * Detection: finds what an interaction contains that policy cares about, and masks it.
 *
 * <p>The public surface is three types. {@link dev.parapet.detect.DetectionEngine} scans the
 * messages of an interaction with every built-in detector and returns a
 * {@link dev.parapet.detect.DetectionResult} (findings plus a 0–100 risk score);
 * {@link dev.parapet.detect.Redactor} replaces the spans of chosen findings with placeholders.
 *
 * <p>This package owns the detectors themselves (package-private, one job each): the
 * prompt-injection signature pack (versioned data: the index {@code injection-signatures.yaml}
 * and one file per family under {@code signatures/}, compiled into one Hyperscan database by
 * {@link dev.parapet.detect.scan.PatternDatabase} and matched in one pass over a normalised view
 * of the text whose offsets map back to the original; see docs/detection-signatures.md), and the DLP recognizers
 * with their validators (e-mail addresses; Luhn-checked payment card numbers). Findings always
 * locate evidence in the original text and never carry the text itself.
 */
package dev.parapet.detect;
