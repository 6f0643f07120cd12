package dev.parapet.detect.scan;

import java.util.Objects;

/**
 * One pattern of a {@link PatternDatabase}.
 *
 * <p>Patterns use the syntax both Hyperscan and {@code java.util.regex} accept: no lookaround,
 * no backreferences, no possessive or atomic groups; {@code \b} and {@code \w} are ASCII.
 * Case-insensitive matching folds ASCII letters only, so write other letters in both cases
 * ({@code [üÜ]}).
 *
 * @param id       a stable id naming the pattern in errors, e.g. a signature id
 * @param regex    the regular expression
 * @param caseless whether ASCII letters match in either case
 * @param spans    how the spans of matches are located
 */
public record ScanPattern(String id, String regex, boolean caseless, Spans spans) {

    /** How a pattern's match spans are located. */
    public enum Spans {
        /**
         * Hyperscan reports start and end itself (leftmost start of match). Cheapest, but only
         * for compact patterns: Hyperscan rejects wide bounded gaps such as {@code .{0,40}} in this mode.
         */
        HYPERSCAN,
        /**
         * Hyperscan tells where matches of a widened form of the pattern end; {@code java.util.regex}
         * then finds the exact spans, in windows ending there. For patterns with wide gaps; the
         * confirmation runs only near matches, so text that matches nothing costs one Hyperscan pass.
         */
        CONFIRMED,
        /**
         * Hyperscan only tells whether the pattern occurs, once, with the end of the first match
         * it found: for cheap pre-checks (does the text hold a word, a shape) that decide whether
         * a detector's own, more exact work is worth doing. The cheapest kind.
         */
        OCCURS
    }

    public ScanPattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(spans, "spans");
        if (regex.isEmpty()) {
            throw new IllegalArgumentException("pattern " + id + ": empty regex");
        }
    }
}
