package dev.parapet.detect.normalize;

import java.util.Objects;

/**
 * A derived view of an original text, with a map from each UTF-16 unit of the view back to the
 * span of the original text it came from.
 *
 * @param origin what produced the view, for findings and tests: {@code homoglyphs}, {@code leetspeak},
 *               {@code split-letters}, {@code tag-characters}, {@code base64}, {@code hex},
 *               {@code url-encoding}, {@code rot13}; nested decodings are joined with {@code >}
 * @param text   the view's text
 * @param starts for each unit of {@code text}, the start of its source in the original
 * @param ends   for each unit of {@code text}, the end (exclusive) of its source in the original
 */
public record TextView(String origin, String text, int[] starts, int[] ends) {

    public TextView {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        if (starts.length < text.length() || ends.length < text.length()) {
            throw new IllegalArgumentException("offset maps shorter than the view");
        }
    }

    /** The start in the original of the view span starting at {@code start}. */
    public int originalStart(int start) {
        return starts[Math.min(start, text.length() - 1)];
    }

    /** The end in the original of the non-empty view span ending at {@code end}. */
    public int originalEnd(int end) {
        return ends[Math.max(0, end - 1)];
    }

    /** This view's text re-expressed over {@code parent}'s original: used for nested decodings. */
    TextView over(TextView parent) {
        int[] s = new int[text.length()];
        int[] e = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            s[i] = parent.starts[starts[i]];
            e[i] = parent.ends[Math.max(starts[i], ends[i] - 1)];
        }
        return new TextView(parent.origin + ">" + origin, text, s, e);
    }
}
