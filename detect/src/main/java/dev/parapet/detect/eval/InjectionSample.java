package dev.parapet.detect.eval;

import java.util.Objects;

/**
 * One row of an injection file.
 *
 * @param id     the row's {@code id}, or {@code line-N} when it has none
 * @param text   the text to scan
 * @param attack whether {@code label} is 1
 * @param slice  the row's {@code slice}, or {@value #NO_SLICE} when it has none
 */
public record InjectionSample(String id, String text, boolean attack, String slice) {

    /** The slice of rows that name none. */
    public static final String NO_SLICE = "unsliced";

    /** Checks that no component is null. */
    public InjectionSample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(slice, "slice");
    }
}
