package dev.parapet.detect;

import dev.parapet.detect.scan.ScannedView;

/**
 * A normalised view of a text, with a map from each of its UTF-16 units back to the span of the
 * original text that produced it. When normalising changed nothing, the maps are null and every
 * offset maps to itself.
 *
 * @param original the text that was normalised
 * @param text     the normalised text
 * @param starts   for each unit of {@code text}, the start of its source in the original; null for the identity
 * @param ends     for each unit of {@code text}, the end (exclusive) of its source in the original; null for the identity
 */
record NormalizedText(String original, String text, int[] starts, int[] ends) implements ScannedView {

    /** The view of a text that normalising leaves as it is. */
    static NormalizedText identity(String text) {
        return new NormalizedText(text, text, null, null);
    }

    /** Whether normalising changed nothing. */
    boolean isIdentity() {
        return starts == null;
    }

    @Override
    public int originalStart(int start) {
        return starts == null ? start : starts[start];
    }

    @Override
    public int originalEnd(int end) {
        return ends == null ? end : ends[end - 1];
    }
}
