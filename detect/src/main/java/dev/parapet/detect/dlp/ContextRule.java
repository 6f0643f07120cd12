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
     * The confidence of a candidate at {@code [start, end)} of {@code text}, or 0 when a required
     * word is missing. Only the window around the candidate is looked at (and lower-cased, one
     * character at a time), never the whole text.
     */
    double apply(String text, int start, int end, double base) {
        if (raising.isEmpty() && lowering.isEmpty()) {
            return base;
        }
        int from = Math.max(0, start - BEFORE);
        int to = Math.min(text.length(), end + AFTER);
        boolean raised = anyWord(raising, text, from, start, end, to);
        if (required && !raised) {
            return 0;
        }
        boolean lowered = anyWord(lowering, text, from, start, end, to);
        if (raised && !lowered) {
            return base + (1 - base) * RAISE_SHARE;
        }
        if (lowered && !raised) {
            return base / 2;
        }
        return base;
    }

    private static boolean anyWord(List<String> words, String text, int from, int start, int end, int to) {
        return !words.isEmpty() && (anyWordIn(words, text, from, start) || anyWordIn(words, text, end, to));
    }

    /**
     * Whether one of {@code words} occurs on word boundaries wholly inside {@code text[from, to)},
     * comparing each character lower-cased ({@link Character#toLowerCase(char)}).
     */
    static boolean anyWordIn(List<String> words, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i > 0 && Character.isLetterOrDigit(lower(text, i - 1))) {
                continue;
            }
            for (String word : words) {
                int after = i + word.length();
                if (after <= to && startsWithLowerCased(text, i, word)
                        && (after >= text.length() || !Character.isLetterOrDigit(lower(text, after)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithLowerCased(String text, int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (lower(text, at + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(String text, int i) {
        return Character.toLowerCase(text.charAt(i));
    }

    private static void requireLowerCase(String word) {
        if (word.isEmpty() || !word.equals(word.toLowerCase(Locale.ROOT)) || !Character.isLetter(word.charAt(0))) {
            throw new IllegalArgumentException("context word must be lower case and start with a letter: " + word);
        }
    }
}
