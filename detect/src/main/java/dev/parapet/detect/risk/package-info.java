/**
 * The one risk score of an interaction, 0–100, from every detection layer.
 *
 * <p>{@link dev.parapet.detect.risk.RiskSignals} condenses what the layers saw (strongest
 * signature, the classifier's probability, strongest heuristic, whether the text was disguised,
 * the most sensitive data found); {@link dev.parapet.detect.risk.RiskModel} turns the threat
 * signals into a calibrated probability of attack with a logistic model whose weights and
 * suggested thresholds were fitted on labelled data by {@link dev.parapet.detect.risk.RiskCalibration}
 * ({@code parapet calibrate}); sensitive data adds a bounded exposure score, since policy handles
 * it by redaction rather than refusal.
 */
package dev.parapet.detect.risk;
