package dev.parapet.detect.eval;

import java.util.Objects;

/**
 * What the engine did with one text of an injection file.
 *
 * @param attack    the text's label
 * @param slice     the text's slice
 * @param flagged   whether the risk score reached the block threshold
 * @param score     the risk score over 100
 * @param scanNanos the wall time of the scan
 */
public record InjectionObservation(boolean attack, String slice, boolean flagged, double score, long scanNanos) {

    /** Checks the slice, the score's range and the time. */
    public InjectionObservation {
        Objects.requireNonNull(slice, "slice");
        if (!(score >= 0 && score <= 1) || scanNanos < 0) {
            throw new IllegalArgumentException("bad score " + score + " or time " + scanNanos);
        }
    }
}
