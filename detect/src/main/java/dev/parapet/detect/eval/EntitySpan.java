package dev.parapet.detect.eval;

import java.util.Objects;

/**
 * An entity located in a text, in UTF-16 offsets.
 *
 * @param type  the entity type, in the evaluation file's (Presidio) names, e.g. {@code EMAIL_ADDRESS}
 * @param start the first character, inclusive
 * @param end   the end, exclusive, at least {@code start}
 */
public record EntitySpan(String type, int start, int end) {

    /** Checks the type and that {@code 0 <= start <= end}. */
    public EntitySpan {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + "-" + end);
        }
    }

    /** Whether the two spans share at least one character. */
    public boolean overlaps(EntitySpan other) {
        return start < other.end && other.start < end;
    }
}
