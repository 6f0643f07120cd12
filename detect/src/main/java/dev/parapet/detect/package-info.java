/**
 * Detection: finds what an interaction contains that policy cares about, and replaces it.
 *
 * <p>The public surface: {@link dev.parapet.detect.DetectionEngine} scans the messages of an
 * interaction with every built-in detector and returns a {@link dev.parapet.detect.DetectionResult}
 * (findings plus a 0–100 risk score); {@link dev.parapet.detect.Redactor} replaces the spans of
 * chosen findings as a {@link dev.parapet.detect.Replacement} says (mask, keyed hash, or a
 * {@link dev.parapet.detect.TokenVault} token restored in the answer); {@link dev.parapet.detect.Detector}
 * is what each detector family implements.
 *
 * <p>This package keeps the prompt-injection signature pack (versioned data: the index
 * {@code injection-signatures.yaml} and one file per family under {@code signatures/}, compiled
 * into one Hyperscan database by {@link dev.parapet.detect.scan.PatternDatabase} and matched in one
 * pass over a normalised view whose offsets map back to the original; see
 * docs/detection-signatures.md). The other families live in sub-packages: {@code normalize}
 * (de-obfuscated views, disguises as findings), {@code dlp} (entity recognizers with validators),
 * {@code secrets} (credential rules), {@code classifier} (the learned injection classifier),
 * {@code scan} (the shared multi-pattern database), {@code eval} (the {@code parapet eval}
 * harness). Findings always locate evidence in the original text and never carry the text itself.
 */
package dev.parapet.detect;
