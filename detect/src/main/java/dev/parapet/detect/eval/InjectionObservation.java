package dev.parapet.detect.eval;

import java.util.Objects;

/**
 * What the engine did with one text of an injection file.
 *
 * @param attack    the text's label
 * @param slice     the text's slice
 * @param flagged   whether the engine reported any {@code injection} finding
 * @param score     the highest confidence among those findings, 0 when there are none
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
