package dev.parapet.detect;

/**
 * A normalised view of a text, with a map from each of its UTF-16 units back to the span of the
 * original text that produced it. When normalising changed nothing, the maps are null and every
 * offset maps to itself.
 *
 * @param text          the normalised text
 * @param originalStart for each unit of {@code text}, the start of its source in the original; null for the identity
 * @param originalEnd   for each unit of {@code text}, the end (exclusive) of its source in the original; null for the identity
 */
record NormalizedText(String text, int[] originalStart, int[] originalEnd) {

    /** The view of a text that normalising leaves as it is. */
    static NormalizedText identity(String text) {
        return new NormalizedText(text, null, null);
    }

    /** The start in the original text of the normalised span starting at {@code start}. */
    int mapStart(int start) {
        return originalStart == null ? start : originalStart[start];
    }

    /** The end in the original text of the non-empty normalised span ending at {@code end}. */
    int mapEnd(int end) {
        return originalEnd == null ? end : originalEnd[end - 1];
    }
}
