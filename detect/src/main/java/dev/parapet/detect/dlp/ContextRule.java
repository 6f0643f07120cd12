package dev.parapet.detect.dlp;

import java.util.List;
import java.util.Locale;

/**
 * Words near a candidate that change its confidence. The window is {@link #BEFORE} characters
 * before the candidate and {@link #AFTER} after it; words match case-insensitively on word
 * boundaries. A raising word moves confidence {@link #RAISE_SHARE} of the way to 1; a lowering
 * word halves it. When {@code required}, a candidate without a raising word is dropped.
 *
 * @param raising  lower-case words or phrases that support the entity
 * @param lowering lower-case words or phrases that suggest a look-alike (order numbers, ...)
 * @param required whether a raising word must be present
 */
record ContextRule(List<String> raising, List<String> lowering, boolean required) {

    static final int BEFORE = 48;
    static final int AFTER = 24;
    static final double RAISE_SHARE = 0.6;

    static final ContextRule NONE = new ContextRule(List.of(), List.of(), false);

    ContextRule {
        raising = List.copyOf(raising);
        lowering = List.copyOf(lowering);
        for (String w : raising) {
            requireLowerCase(w);
        }
        for (String w : lowering) {
            requireLowerCase(w);
        }
        if (required && raising.isEmpty()) {
            throw new IllegalArgumentException("a required context needs raising words");
        }
    }

    /** Context that raises confidence when present. */
    static ContextRule raisedBy(String... words) {
        return new ContextRule(List.of(words), List.of(), false);
    }

    /** Context that must be present. */
    static ContextRule requires(String... words) {
        return new ContextRule(List.of(words), List.of(), true);
    }

    /** This rule with lowering words added. */
    ContextRule loweredBy(String... words) {
        return new ContextRule(raising, List.of(words), required);
    }

    /**
     * The confidence of a candidate at {@code [start, end)} of {@code lower} (the lower-cased
     * text), or 0 when a required word is missing.
     */
    double apply(String lower, int start, int end, double base) {
        if (raising.isEmpty() && lowering.isEmpty()) {
            return base;
        }
        int from = Math.max(0, start - BEFORE);
        int to = Math.min(lower.length(), end + AFTER);
        boolean raised = anyWord(raising, lower, from, start, end, to);
        if (required && !raised) {
            return 0;
        }
        boolean lowered = anyWord(lowering, lower, from, start, end, to);
        if (raised && !lowered) {
            return base + (1 - base) * RAISE_SHARE;
        }
        if (lowered && !raised) {
            return base / 2;
        }
        return base;
    }

    /** Whether any raising word occurs anywhere in {@code lower}: a pre-check for required rules. */
    boolean anyRaisingWordIn(String lower) {
        for (String w : raising) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyWord(List<String> words, String lower, int from, int start, int end, int to) {
        return !words.isEmpty() && (anyWordIn(words, lower, from, start) || anyWordIn(words, lower, end, to));
    }

    /** Whether one of {@code words} occurs on word boundaries wholly inside {@code lower[from, to)}. */
    static boolean anyWordIn(List<String> words, String lower, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1))) {
                continue;
            }
            for (String word : words) {
                int after = i + word.length();
                if (after <= to && lower.startsWith(word, i)
                        && (after >= lower.length() || !Character.isLetterOrDigit(lower.charAt(after)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void requireLowerCase(String word) {
        if (word.isEmpty() || !word.equals(word.toLowerCase(Locale.ROOT)) || !Character.isLetter(word.charAt(0))) {
            throw new IllegalArgumentException("context word must be lower case and start with a letter: " + word);
        }
    }
}
