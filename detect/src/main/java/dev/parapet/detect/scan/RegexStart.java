package dev.parapet.detect.scan;

import java.util.BitSet;
import java.util.Map;

/**
 * Works out which UTF-16 units a match of a {@code java.util.regex} pattern can begin with, so
 * that a search can skip every position where no match can start and try the pattern only at the
 * others ({@code \b(?:ignore)\b…} is tried only where an {@code i} or {@code I} stands). The set
 * is exact or larger: literal letters count in both cases, a class counts every character
 * {@code java.util.regex} accepts for it (with and without case folding, see {@link CharClasses}),
 * and anchors and look-arounds, which consume nothing, are looked through. The answer is
 * {@code null} (try everywhere) when a match can be empty or begin with anything ({@code .},
 * a back-reference).
 */
final class RegexStart {

    /** Thrown inside the parser when the first characters cannot be bounded. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** What a piece of pattern can begin with, and whether it can match the empty string. */
    private record First(BitSet chars, boolean nullable) {

        static First empty() {
            return new First(new BitSet(), true);
        }

        First then(First next) {
            if (!nullable) {
                return this;
            }
            BitSet union = (BitSet) chars.clone();
            union.or(next.chars);
            return new First(union, next.nullable);
        }

        First or(First other) {
            BitSet union = (BitSet) chars.clone();
            union.or(other.chars);
            return new First(union, nullable || other.nullable);
        }
    }

    private final String regex;
    private final Map<String, BitSet> classCache;
    private int pos;

    private RegexStart(String regex, Map<String, BitSet> classCache) {
        this.regex = regex;
        this.classCache = classCache;
    }

    /**
     * The units a match of {@code regex} can begin with, or null when any position must be tried.
     *
     * @param classCache memberships of classes already worked out, by their source; shared between calls
     */
    static BitSet of(String regex, Map<String, BitSet> classCache) {
        RegexStart parser = new RegexStart(regex, classCache);
        try {
            First first = parser.alternation();
            return parser.pos == regex.length() && !first.nullable() ? first.chars() : null;
        } catch (Unknown | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private First alternation() {
        First first = sequence();
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            first = first.or(sequence());
        }
        return first;
    }

    private First sequence() {
        First first = First.empty();
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            first = first.then(quantified(atom()));
        }
        return first;
    }

    private First quantified(First atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        char q = regex.charAt(pos);
        boolean optional;
        if (q == '?' || q == '*') {
            pos++;
            optional = true;
        } else if (q == '+') {
            pos++;
            optional = false;
        } else if (q == '{' && isQuantifierBrace()) {
            int close = regex.indexOf('}', pos);
            String body = regex.substring(pos + 1, close);
            pos = close + 1;
            int comma = body.indexOf(',');
            optional = Long.parseLong(comma < 0 ? body : body.substring(0, comma)) == 0;
        } else {
            return atom;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++;
        }
        return optional ? new First(atom.chars(), true) : atom;
    }

    private boolean isQuantifierBrace() {
        int close = regex.indexOf('}', pos);
        return close > pos + 1 && regex.substring(pos + 1, close).matches("\\d+(?:,\\d*)?");
    }

    private First atom() {
        char c = regex.charAt(pos);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                int start = pos;
                skipClass();
                return chars(regex.substring(start, pos));
            }
            case '\\' -> {
                return escape();
            }
            case '.' -> throw new Unknown();
            case '^', '$' -> {
                pos++;
                return First.empty();
            }
            default -> {
                pos++;
                if (Character.isHighSurrogate(c) && pos < regex.length() && Character.isLowSurrogate(regex.charAt(pos))) {
                    pos++;
                }
                BitSet set = new BitSet();
                set.set(c);
                set.set(Character.toLowerCase(c));
                set.set(Character.toUpperCase(c));
                return new First(set, false);
            }
        }
    }

    private First group() {
        pos++; // (
        boolean lookaround = false;
        if (regex.startsWith("?", pos)) {
            if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
                lookaround = true;
                pos += 2;
            } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
                lookaround = true;
                pos += 3;
            } else if (regex.startsWith("?<", pos)) {
                pos = regex.indexOf('>', pos) + 1;
            } else if (regex.startsWith("?>", pos)) {
                pos += 2;
            } else {
                int k = pos + 1;
                while (k < regex.length() && (Character.isLetter(regex.charAt(k)) || regex.charAt(k) == '-')) {
                    k++;
                }
                if (regex.charAt(k) == ')') {
                    pos = k + 1;
                    return First.empty();
                }
                if (regex.charAt(k) != ':') {
                    throw new Unknown();
                }
                pos = k + 1;
            }
        }
        First inner = alternation();
        if (pos >= regex.length() || regex.charAt(pos) != ')') {
            throw new Unknown();
        }
        pos++;
        return lookaround ? First.empty() : inner;
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
                    pos++;
                }
                continue;
            }
            if (c == ']') {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    private First escape() {
        int start = pos;
        char e = regex.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                return First.empty();
            }
            case 'p', 'P' -> {
                pos = regex.charAt(pos) == '{' ? regex.indexOf('}', pos) + 1 : pos + 1;
                return chars(regex.substring(start, pos));
            }
            case 'x' -> {
                pos = regex.charAt(pos) == '{' ? regex.indexOf('}', pos) + 1 : pos + 2;
                return chars(regex.substring(start, pos));
            }
            case 'u' -> {
                pos += 4;
                return chars(regex.substring(start, pos));
            }
            case 'c' -> {
                pos++;
                return chars(regex.substring(start, pos));
            }
            case 'Q', 'R', 'X', 'N', 'k', '0' -> throw new Unknown();
            default -> {
                if (Character.isDigit(e)) {
                    throw new Unknown(); // back-reference
                }
                return chars(regex.substring(start, pos));
            }
        }
    }

    /** The units the single-character piece {@code source} (a class, an escape) can match. */
    private First chars(String source) {
        BitSet set = classCache.computeIfAbsent(source, CharClasses::membersOf);
        return new First(set, false);
    }
}
