/**
 * Data-loss prevention: recognizers for personal, payment, health and network identifiers.
 *
 * <p>The public surface is {@link dev.parapet.detect.dlp.DlpDetector}. Each entity type is a
 * {@link dev.parapet.detect.dlp.Recognizer} — a row of data: a bounded regular expression that
 * proposes candidates, a cheap pre-check on the text, a {@link dev.parapet.detect.dlp.Validator}
 * (checksum or structure) that accepts a candidate and sets its base confidence, and a
 * {@link dev.parapet.detect.dlp.ContextRule} whose words near the candidate raise or lower that
 * confidence (or are required, for weak formats). The catalogues ({@code ContactRecognizers},
 * {@code FinancialRecognizers}, {@code GovernmentIdRecognizers}, {@code HealthRecognizers},
 * {@code NetworkRecognizers}) hold the rows; the checksum classes hold the arithmetic.
 * See {@code docs/detection-dlp.md} for the entity table.
 */
package dev.parapet.detect.dlp;
