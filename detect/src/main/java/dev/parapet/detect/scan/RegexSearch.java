package dev.parapet.detect.scan;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} over a region, made cheaper by skipping the positions where no match can
 * begin: the pattern is tried only where the text holds a unit a match can start with
 * ({@link RegexStart}), which for a pattern such as {@code \b(?:ignore)\b…} or
 * {@code (?<![\w-])\d{3}…} is a small minority of positions. The matches are exactly those of
 * {@code region(from, to)} and repeated {@code find()}: positions are tried in order, and after
 * a match the search goes on from its end. Immutable and thread-safe; the matcher is the caller's.
 */
public final class RegexSearch {

    private final BitSet first;

    private RegexSearch(BitSet first) {
        this.first = first;
    }

    /** The search for {@code pattern}; it tries every position when the first units cannot be bounded. */
    public static RegexSearch of(Pattern pattern) {
        return of(pattern.pattern(), new HashMap<>());
    }

    static RegexSearch of(String regex, Map<String, BitSet> classCache) {
        return new RegexSearch(RegexStart.of(regex, classCache));
    }

    /**
     * Calls {@code each} with {@code m} set on each match in {@code text[from, to)} (non-empty
     * matches only), as {@code m.region(from, to)} and repeated {@code find()} would find them.
     * The matcher's bounds settings (transparent, anchoring) are the caller's.
     *
     * @param m    a matcher of the pattern over {@code text}
     * @param each receives the matcher positioned on a match; it must not move the matcher
     */
    public void forEach(Matcher m, String text, int from, int to, Consumer<Matcher> each) {
        if (first == null) {
            m.region(from, to);
            while (m.find()) {
                if (m.end() > m.start()) {
                    each.accept(m);
                }
            }
            return;
        }
        int at = from;
        while (at < to) {
            if (!first.get(text.charAt(at))) {
                at++;
                continue;
            }
            if (m.region(at, to).lookingAt()) {
                int end = m.end();
                if (end > at) {
                    each.accept(m);
                }
                at = Math.max(end, at + 1);
            } else {
                at++;
            }
        }
    }
}
