package dev.parapet.detect.scan;

/** Receives the matches of a {@link PatternDatabase#scan scan}, on the scanning thread. */
@FunctionalInterface
public interface MatchListener {

    /**
     * Called once per match.
     *
     * @param pattern the index of the pattern in the list the database was compiled from
     * @param start   the start of the match in the scanned text (UTF-16 offset, inclusive)
     * @param end     the end of the match in the scanned text (UTF-16 offset, exclusive), greater than
     *                {@code start}; for a {@link ScanPattern.Spans#OCCURS} pattern, called once with
     *                {@code start == end}, the end of the first match found
     */
    void onMatch(int pattern, int start, int end);
}
