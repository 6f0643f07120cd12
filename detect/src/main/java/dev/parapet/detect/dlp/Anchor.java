package dev.parapet.detect.dlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What every match of a recognizer must contain, used to scan only the parts of a text where a
 * match can be: at least {@code min} anchor characters within {@code span} characters, the
 * longest match the pattern can produce. Ten digits within 14 characters, say, for a phone
 * number; one {@code @} for an e-mail address.
 *
 * <p>{@link #windows} finds, in one pass, the regions of a text that hold such a cluster, widened
 * by {@code span} on both sides and merged: every match lies inside one of them, so running the
 * pattern over these regions (with transparent bounds) finds exactly what a full scan finds.
 *
 * @param kind which characters count
 * @param min    how many must occur within {@code within} characters (for {@link Kind#ALNUM_RUN}: how
 *               long an unbroken run must be); 0 scans the whole text
 * @param within the width in which {@code min} anchor characters occur in every match (at most
 *               {@code span}; smaller when the pattern bounds the gaps between them)
 * @param span an upper bound on the length of a match
 * @param withinToken whether matches never contain whitespace, so that the window is just the
 *                    whitespace-free token around each anchor character ({@code min} is then 1)
 */
record Anchor(Kind kind, int min, int within, int span, boolean withinToken) {

    /** The characters an anchor counts. */
    enum Kind {
        /** ASCII digits. */
        DIGIT,
        /** The {@code @} sign. */
        AT,
        /** Colons (IPv6). */
        COLON,
        /** Colons, dashes and dots (MAC addresses). */
        MAC_SEPARATOR,
        /** A dot after a letter or digit and before two letters (a TLD-like label, not a sentence end or decimal). */
        INNER_DOT,
        /** Letters and digits: {@code min} is the length of a run of them (long tokens such as addresses). */
        ALNUM_RUN;

        boolean matches(String text, int i) {
            char c = text.charAt(i);
            return switch (this) {
                case DIGIT -> c >= '0' && c <= '9';
                case AT -> c == '@';
                case COLON -> c == ':';
                case MAC_SEPARATOR -> c == ':' || c == '-' || c == '.';
                case INNER_DOT -> c == '.' && i > 0 && i + 2 < text.length()
                        && Character.isLetterOrDigit(text.charAt(i - 1))
                        && Character.isLetter(text.charAt(i + 1)) && Character.isLetter(text.charAt(i + 2));
                case ALNUM_RUN -> isAsciiAlnum(c);
            };
        }
    }

    /** Scan everything: for recognizers with no character every match must contain. */
    static final Anchor WHOLE_TEXT = new Anchor(Kind.DIGIT, 0, 0, 0, false);

    static Anchor digits(int min, int span) {
        return new Anchor(Kind.DIGIT, min, span, span, false);
    }

    /** {@code min} digits within {@code within} characters, in matches of at most {@code span}. */
    static Anchor digits(int min, int within, int span) {
        return new Anchor(Kind.DIGIT, min, within, span, false);
    }

    /** Matches contain no whitespace and at least one character of {@code kind}. */
    static Anchor token(Kind kind) {
        return new Anchor(kind, 1, Integer.MAX_VALUE, Integer.MAX_VALUE, true);
    }

    Anchor {
        if (min < 0 || span < 0 || within > span || (min > 0 && within < 1) || (withinToken && min != 1)) {
            throw new IllegalArgumentException("bad anchor " + min + "/" + span);
        }
    }

    /** Letters-and-digits runs of at least {@code min} characters: long tokens only. */
    static Anchor alnumRun(int min, int span) {
        return new Anchor(Kind.ALNUM_RUN, min, span, span, false);
    }

    /**
     * The merged regions {@code [from, to)} of {@code text} that can hold a match, in order.
     *
     * @param positions where the characters of each kind are in {@code text} (ascending), filled
     *                  on first use so that recognizers sharing a kind share one pass
     */
    List<int[]> windows(String text, Map<Kind, int[]> positions) {
        if (min == 0) {
            List<int[]> all = new ArrayList<>();
            all.add(new int[] {0, text.length()});
            return all;
        }
        if (kind == Kind.ALNUM_RUN) {
            return runs(text);
        }
        return windows(text, positions.computeIfAbsent(kind, k -> positions(k, text)));
    }

    /** As {@link #windows(String, Map)}, given the positions of this anchor's kind. */
    List<int[]> windows(String text, int[] positions) {
        List<int[]> out = new ArrayList<>();
        if (withinToken) {
            return tokens(text, positions);
        }
        for (int k = min - 1; k < positions.length; k++) {
            int first = positions[k - min + 1];
            int last = positions[k];
            if (last - first >= within) {
                continue;
            }
            add(out, Math.max(0, last - span), Math.min(text.length(), first + span + 1));
        }
        return out;
    }

    /**
     * Positions of the characters of {@code kind} in {@code text}, ascending. One tight loop per
     * kind (single characters are found with {@link String#indexOf(int, int)}).
     */
    static int[] positions(Kind kind, String text) {
        Positions found = new Positions();
        int n = text.length();
        switch (kind) {
            case DIGIT -> {
                for (int i = 0; i < n; i++) {
                    char c = text.charAt(i);
                    if (c >= '0' && c <= '9') {
                        found.add(i);
                    }
                }
            }
            case AT -> found.addAll(text, '@');
            case COLON -> found.addAll(text, ':');
            case INNER_DOT -> {
                for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
                    if (kind.matches(text, i)) {
                        found.add(i);
                    }
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    if (kind.matches(text, i)) {
                        found.add(i);
                    }
                }
            }
        }
        return found.toArray();
    }

    /** A growable list of positions. */
    private static final class Positions {
        private int[] values = new int[16];
        private int size;

        void add(int position) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }

        void addAll(String text, char c) {
            for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
                add(i);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Runs of ASCII letters and digits whose length is in {@code [min, span]}, one character wider each side. */
    private List<int[]> runs(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isAsciiAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isAsciiAlnum(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length >= min && length <= span) {
                add(out, Math.max(0, start - 1), Math.min(n, i + 1));
            }
        }
        return out;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The whitespace-free tokens (whitespace as in regex {@code \\s}) that contain a position. */
    private static List<int[]> tokens(String text, int[] positions) {
        List<int[]> out = new ArrayList<>();
        int covered = 0;
        for (int p : positions) {
            if (p < covered) {
                continue;
            }
            int from = p;
            while (from > 0 && !isRegexSpace(text.charAt(from - 1))) {
                from--;
            }
            int to = p + 1;
            while (to < text.length() && !isRegexSpace(text.charAt(to))) {
                to++;
            }
            add(out, from, to);
            covered = to;
        }
        return out;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static void add(List<int[]> out, int from, int to) {
        int[] last = out.isEmpty() ? null : out.getLast();
        if (last != null && from <= last[1]) {
            last[1] = Math.max(last[1], to);
        } else {
            out.add(new int[] {from, to});
        }
    }
}
