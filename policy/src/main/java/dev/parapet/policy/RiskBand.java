package dev.parapet.policy;

/**
 * The thresholds that divide risk scores into bands, which conditions read as
 * {@code risk_band}: {@code low} below {@code hold}, {@code hold} from {@code hold} up to
 * {@code block}, {@code block} from {@code block}.
 *
 * <p>The defaults are the thresholds the shipped risk model was calibrated to (docs/detection.md:
 * about 3% and 0.5% of benign prompts at or above them); a bundle sets its own in its
 * {@code risk} section.
 *
 * @param hold  the lowest score of the hold band, 0–100
 * @param block the lowest score of the block band, hold ≤ block ≤ 100
 */
public record RiskBand(int hold, int block) {

    /** The calibrated thresholds of the shipped risk model. */
    public static final RiskBand DEFAULT = new RiskBand(53, 84);

    /** Checks 0 ≤ hold ≤ block ≤ 100. */
    public RiskBand {
        if (hold < 0 || block > 100 || hold > block) {
            throw new IllegalArgumentException("need 0 <= hold <= block <= 100, got hold " + hold + ", block " + block);
        }
    }

    /** The band of a score: {@code low}, {@code hold} or {@code block}. */
    public String of(int risk) {
        return risk >= block ? "block" : risk >= hold ? "hold" : "low";
    }
}
