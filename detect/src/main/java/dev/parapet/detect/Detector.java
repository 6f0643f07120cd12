package dev.parapet.detect;

import dev.parapet.core.Finding;

import java.util.List;

/**
 * One kind of detection over the text of one message. Implementations are immutable and
 * thread-safe, run in time linear in the text's length, and report spans in the original text.
 *
 * <p>Public so that detector families in sub-packages ({@code dlp}, {@code secrets},
 * {@code classifier}, ...) can implement it; {@link DetectionEngine} decides which run.
 */
public interface Detector {

    /**
     * Appends the findings of this detector in {@code text} to {@code out}.
     *
     * @param messageIndex the index of the message, copied into each finding
     * @param text         the message's original content
     * @param out          where findings are appended
     */
    void detect(int messageIndex, String text, List<Finding> out);
}
