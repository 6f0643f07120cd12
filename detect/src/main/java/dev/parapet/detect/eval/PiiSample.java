package dev.parapet.detect.eval;

import java.util.List;
import java.util.Objects;

/**
 * One row of a PII file.
 *
 * @param id    the row's {@code id}, or {@code line-N} when it has none
 * @param text  the text to scan
 * @param spans the gold entity spans, each within {@code text}
 */
public record PiiSample(String id, String text, List<EntitySpan> spans) {

    /** Copies the spans and checks that each lies within the text. */
    public PiiSample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
        for (EntitySpan s : spans) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("span " + s + " ends past the text (" + text.length() + ")");
            }
        }
    }
}
