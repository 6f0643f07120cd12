package dev.parapet.detect.scan;

import java.util.Arrays;

/**
 * The matches of one family's patterns in one scan, in the order they were reported: pattern
 * index (the family's own), start and end in the scanned text. A {@link MatchListener} that
 * collects into plain arrays; not thread-safe, one per scan.
 */
public final class Matches implements MatchListener {

    private int[] patterns = new int[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;

    @Override
    public void onMatch(int pattern, int start, int end) {
        if (size == patterns.length) {
            patterns = Arrays.copyOf(patterns, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        patterns[size] = pattern;
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** The number of matches. */
    public int size() {
        return size;
    }

    /** The pattern of match {@code i}. */
    public int pattern(int i) {
        return patterns[i];
    }

    /** The start of match {@code i} in the scanned text. */
    public int start(int i) {
        return starts[i];
    }

    /** The end of match {@code i} in the scanned text. */
    public int end(int i) {
        return ends[i];
    }
}
