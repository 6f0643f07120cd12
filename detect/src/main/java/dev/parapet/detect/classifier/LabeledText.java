package dev.parapet.detect.classifier;

import java.util.Objects;

/**
 * One row of a training or evaluation corpus.
 *
 * @param id     a stable id, unique in its corpus; the train/test split is a hash of it
 * @param text   the prompt
 * @param attack whether the text is a prompt injection or jailbreak
 * @param source the name of the file or data set the row came from
 * @param slice  a finer label for reporting, e.g. {@code jailbreak} or {@code hard_negative}
 */
public record LabeledText(String id, String text, boolean attack, String source, String slice) {
    public LabeledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(slice, "slice");
    }
}
