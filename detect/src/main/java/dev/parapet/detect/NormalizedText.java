package dev.parapet.detect;

/**
 * A normalised view of a text, with a map from each of its UTF-16 units back to the span of the
 * original text that produced it.
 *
 * @param text          the normalised text
 * @param originalStart for each unit of {@code text}, the start of its source in the original
 * @param originalEnd   for each unit of {@code text}, the end (exclusive) of its source in the original
 */
record NormalizedText(String text, int[] originalStart, int[] originalEnd) {

    /** The start in the original text of the normalised span starting at {@code start}. */
    int mapStart(int start) {
        return originalStart[start];
    }

    /** The end in the original text of the non-empty normalised span ending at {@code end}. */
    int mapEnd(int end) {
        return originalEnd[end - 1];
    }
}
