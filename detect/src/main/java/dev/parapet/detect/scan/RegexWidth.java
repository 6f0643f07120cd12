package dev.parapet.detect.scan;

/**
 * Works out a {@link MatchWidth} for a {@code java.util.regex} pattern: how long, in UTF-16
 * units, any of its matches can be. A character (literal, escape, class) counts 1 unit, or 2
 * when it can match a supplementary character ({@code .}, negated classes, {@code \S},
 * {@code \p{..}}); look-arounds and anchors count 0; {@code X{m,n}} counts {@code n} times
 * {@code X}; an alternation counts its widest branch. Unbounded repetition ({@code *},
 * {@code +}, {@code {m,}}) of a single character class counts the longest run of that class in
 * the scanned text; of anything else (a group, a back-reference) the width is unknown.
 *
 * <p>Used to confirm a pattern only in a window ending where Hyperscan saw a match end, rather
 * than over the whole text (see {@link PatternDatabase}).
 */
final class RegexWidth {

    /** Thrown inside the parser when the width is unknown. */
    private static final class Unbounded extends RuntimeException {
        Unbounded() {
            super(null, null, false, false);
        }
    }

    private final String regex;
    private final CharClasses classes;
    private int pos;

    private RegexWidth(String regex, CharClasses classes) {
        this.regex = regex;
        this.classes = classes;
    }

    /**
     * The width of {@code regex}, registering the classes it repeats without bound in
     * {@code classes}; null when some unbounded repetition is not of a single class.
     */
    static MatchWidth of(String regex, CharClasses classes) {
        RegexWidth parser = new RegexWidth(regex, classes);
        try {
            MatchWidth width = parser.alternation();
            if (parser.pos != regex.length()) {
                return null;
            }
            return width;
        } catch (Unbounded | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private MatchWidth alternation() {
        MatchWidth width = sequence();
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            width = width.max(sequence());
        }
        return width;
    }

    private MatchWidth sequence() {
        MatchWidth width = MatchWidth.ZERO;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            int atomStart = pos;
            Atom atom = atom();
            width = width.plus(quantified(atom, atomStart));
        }
        return width;
    }

    /** An atom's width, and its source when it is a single character or class that can repeat as a run. */
    private record Atom(MatchWidth width, String runSource) {
    }

    private MatchWidth quantified(Atom atom, int atomStart) {
        if (pos >= regex.length()) {
            return atom.width();
        }
        char q = regex.charAt(pos);
        long max;
        if (q == '?') {
            pos++;
            max = 1;
        } else if (q == '*' || q == '+') {
            pos++;
            max = -1;
        } else if (q == '{' && isQuantifierBrace()) {
            int close = regex.indexOf('}', pos);
            String body = regex.substring(pos + 1, close);
            pos = close + 1;
            int comma = body.indexOf(',');
            if (comma < 0) {
                max = Long.parseLong(body);
            } else if (comma == body.length() - 1) {
                max = -1;
            } else {
                max = Long.parseLong(body.substring(comma + 1));
            }
        } else {
            return atom.width();
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive: same width
        }
        if (max >= 0) {
            return atom.width().times(max);
        }
        if (atom.runSource() == null) {
            throw new Unbounded();
        }
        return MatchWidth.run(classes.id(atom.runSource()));
    }

    private boolean isQuantifierBrace() {
        int close = regex.indexOf('}', pos);
        return close > pos + 1 && regex.substring(pos + 1, close).matches("\\d+(?:,\\d*)?");
    }

    private Atom atom() {
        char c = regex.charAt(pos);
        switch (c) {
            case '(' -> {
                return new Atom(group(), null);
            }
            case '[' -> {
                int start = pos;
                skipClass();
                String source = regex.substring(start, pos);
                return new Atom(MatchWidth.constant(classWidth(source)), source);
            }
            case '\\' -> {
                return escape();
            }
            case '.' -> {
                pos++;
                return new Atom(MatchWidth.constant(2), ".");
            }
            case '^', '$' -> {
                pos++;
                return new Atom(MatchWidth.ZERO, null);
            }
            default -> {
                if (Character.isHighSurrogate(c) && pos + 1 < regex.length()
                        && Character.isLowSurrogate(regex.charAt(pos + 1))) {
                    pos += 2;
                    return new Atom(MatchWidth.constant(2), regex.substring(pos - 2, pos));
                }
                pos++;
                return new Atom(MatchWidth.constant(1), String.valueOf(c));
            }
        }
    }

    private MatchWidth group() {
        pos++; // (
        boolean zeroWidth = false;
        if (regex.startsWith("?", pos)) {
            if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
                zeroWidth = true;
                pos += 2;
            } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
                zeroWidth = true;
                pos += 3;
            } else if (regex.startsWith("?<", pos)) {
                pos = regex.indexOf('>', pos) + 1; // named group
            } else if (regex.startsWith("?>", pos)) {
                pos += 2;
            } else {
                // inline flags: (?i) applies to what follows, (?i:...) is a group
                int k = pos + 1;
                while (k < regex.length() && (Character.isLetter(regex.charAt(k)) || regex.charAt(k) == '-')) {
                    k++;
                }
                if (regex.charAt(k) == ')') {
                    pos = k + 1;
                    return MatchWidth.ZERO;
                }
                if (regex.charAt(k) != ':') {
                    throw new Unbounded();
                }
                pos = k + 1;
            }
        }
        MatchWidth inner = alternation();
        if (pos >= regex.length() || regex.charAt(pos) != ')') {
            throw new Unbounded();
        }
        pos++;
        return zeroWidth ? MatchWidth.ZERO : inner;
    }

    private void skipClass() {
        int depth = 0;
        do {
            char c = regex.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                pos++;
                if (regex.charAt(pos) == '^') {
                    pos++;
                }
                if (regex.charAt(pos) == ']') {
                    pos++; // a leading ] is a literal
                }
                continue;
            }
            if (c == ']') {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    private Atom escape() {
        int start = pos;
        char e = regex.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                return new Atom(MatchWidth.ZERO, null);
            }
            case 's', 'w', 'd', 'h', 'v' -> {
                return new Atom(MatchWidth.constant(1), regex.substring(start, pos));
            }
            case 'S', 'W', 'D', 'H', 'V' -> {
                return new Atom(MatchWidth.constant(2), regex.substring(start, pos));
            }
            case 'p', 'P' -> {
                if (regex.charAt(pos) == '{') {
                    pos = regex.indexOf('}', pos) + 1;
                } else {
                    pos++;
                }
                return new Atom(MatchWidth.constant(2), regex.substring(start, pos));
            }
            case 'x' -> {
                int cp;
                if (regex.charAt(pos) == '{') {
                    int close = regex.indexOf('}', pos);
                    cp = Integer.parseInt(regex.substring(pos + 1, close), 16);
                    pos = close + 1;
                } else {
                    cp = Integer.parseInt(regex.substring(pos, pos + 2), 16);
                    pos += 2;
                }
                return new Atom(MatchWidth.constant(Character.charCount(cp)), regex.substring(start, pos));
            }
            case 'u' -> {
                pos += 4;
                return new Atom(MatchWidth.constant(1), regex.substring(start, pos));
            }
            case 'Q' -> {
                int end = regex.indexOf("\\E", pos);
                int stop = end < 0 ? regex.length() : end;
                int length = stop - pos;
                pos = end < 0 ? regex.length() : end + 2;
                return new Atom(MatchWidth.constant(length), null);
            }
            case 'R' -> {
                return new Atom(MatchWidth.constant(2), null);
            }
            case 'c' -> {
                pos++;
                return new Atom(MatchWidth.constant(1), regex.substring(start, pos));
            }
            case '0' -> {
                while (pos < regex.length() && pos - start < 5 && regex.charAt(pos) >= '0' && regex.charAt(pos) <= '7') {
                    pos++;
                }
                return new Atom(MatchWidth.constant(1), regex.substring(start, pos));
            }
            default -> {
                if (Character.isDigit(e) || e == 'k' || e == 'X' || e == 'N') {
                    throw new Unbounded(); // back-reference, grapheme cluster, named character
                }
                return new Atom(MatchWidth.constant(1), regex.substring(start, pos));
            }
        }
    }

    /**
     * 1 for a class of BMP characters only; 2 when it may match a supplementary character: it
     * is negated, holds a non-ASCII character, or uses a negated or Unicode-property escape.
     */
    private static int classWidth(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c >= 0x80 || c == '^') {
                return 2;
            }
            if (c == '\\' && i + 1 < source.length()) {
                char e = source.charAt(++i);
                if (e == 'S' || e == 'W' || e == 'D' || e == 'H' || e == 'V' || e == 'p' || e == 'P' || e == 'x'
                        || e == 'X' || e == 'N') {
                    return 2;
                }
            }
        }
        return 1;
    }
}
