package dev.parapet.detect.normalize;

import java.util.Arrays;

/** Appends characters to a view while recording the original span of each. */
final class ViewBuilder {
    private final StringBuilder text;
    private int[] starts;
    private int[] ends;

    ViewBuilder(int capacity) {
        text = new StringBuilder(capacity);
        starts = new int[Math.max(8, capacity)];
        ends = new int[Math.max(8, capacity)];
    }

    ViewBuilder append(char c, int originalStart, int originalEnd) {
        int i = text.length();
        if (i == starts.length) {
            starts = Arrays.copyOf(starts, i * 2);
            ends = Arrays.copyOf(ends, i * 2);
        }
        text.append(c);
        starts[i] = originalStart;
        ends[i] = originalEnd;
        return this;
    }

    /** Appends a string whose every character comes from the same original span. */
    ViewBuilder append(CharSequence s, int originalStart, int originalEnd) {
        for (int k = 0; k < s.length(); k++) {
            append(s.charAt(k), originalStart, originalEnd);
        }
        return this;
    }

    int length() {
        return text.length();
    }

    TextView build(String origin) {
        return new TextView(origin, text.toString(), Arrays.copyOf(starts, text.length()), Arrays.copyOf(ends, text.length()));
    }
}
