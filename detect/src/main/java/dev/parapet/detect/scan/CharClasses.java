package dev.parapet.detect.scan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The character classes that occur under unbounded repetition in a database's patterns
 * ({@code \s}, {@code \w}, {@code [\s_-]}, ...), each as the set of UTF-16 units it can match,
 * and the longest run of each in a text. Membership is taken from {@code java.util.regex} itself
 * (every BMP character is tried, with and without case folding), so it is exact or larger; a
 * class that matches any supplementary character counts every surrogate unit as a member.
 * Built once per database, then read-only and thread-safe.
 */
final class CharClasses {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<BitSet> members = new ArrayList<>();
    /** For each ASCII character, bit {@code i} set when class {@code i} (below 64) holds it. */
    private final long[] asciiMembership = new long[128];

    /** The id of the class written {@code source} in a pattern ({@code \w}, {@code [a-z]}, {@code .}, a literal). */
    int id(String source) {
        Integer known = ids.get(source);
        if (known != null) {
            return known;
        }
        BitSet set = membersOf(source);
        int id = members.size();
        members.add(set);
        ids.put(source, id);
        if (id < 64) {
            for (int c = 0; c < 128; c++) {
                if (set.get(c)) {
                    asciiMembership[c] |= 1L << id;
                }
            }
        }
        return id;
    }

    int size() {
        return members.size();
    }

    static BitSet membersOf(String source) {
        Pattern exact = Pattern.compile(source);
        Pattern folded = Pattern.compile(source, Pattern.CASE_INSENSITIVE);
        BitSet set = new BitSet(0x10000);
        char[] one = new char[1];
        for (int c = 0; c < 0x10000; c++) {
            one[0] = (char) c;
            String s = new String(one);
            if (exact.matcher(s).matches() || folded.matcher(s).matches()) {
                set.set(c);
            }
        }
        for (int cp : new int[] {0x10000, 0x1F600, 0xE0041, 0x10FFFD}) {
            String s = Character.toString(cp);
            if (exact.matcher(s).matches() || folded.matcher(s).matches()) {
                set.set(0xD800, 0xE000);
                break;
            }
        }
        return set;
    }

    /**
     * For each class {@code i} with {@code needed[i]}, the length of the longest run of its
     * members in {@code text}; 0 for the others. One pass for all classes: ASCII characters are
     * looked up in one table of class bits.
     */
    int[] longestRuns(String text, boolean[] needed) {
        int classes = members.size();
        int[] longest = new int[classes];
        int[] run = new int[classes];
        long wanted = 0;
        for (int i = 0; i < classes; i++) {
            if (needed[i]) {
                if (i >= 64) {
                    longest[i] = longestRun(text, members.get(i));
                } else {
                    wanted |= 1L << i;
                }
            }
        }
        if (wanted == 0) {
            return longest;
        }
        for (int k = 0, n = text.length(); k < n; k++) {
            char c = text.charAt(k);
            long in = c < 128 ? asciiMembership[c] : membership(c, wanted);
            for (long bits = wanted; bits != 0; bits &= bits - 1) {
                int i = Long.numberOfTrailingZeros(bits);
                if ((in & (1L << i)) != 0) {
                    run[i]++;
                } else if (run[i] > 0) {
                    longest[i] = Math.max(longest[i], run[i]);
                    run[i] = 0;
                }
            }
        }
        for (long bits = wanted; bits != 0; bits &= bits - 1) {
            int i = Long.numberOfTrailingZeros(bits);
            longest[i] = Math.max(longest[i], run[i]);
        }
        return longest;
    }

    private long membership(char c, long wanted) {
        long in = 0;
        for (long bits = wanted; bits != 0; bits &= bits - 1) {
            int i = Long.numberOfTrailingZeros(bits);
            if (members.get(i).get(c)) {
                in |= 1L << i;
            }
        }
        return in;
    }

    private static int longestRun(String text, BitSet set) {
        int run = 0;
        int best = 0;
        for (int k = 0, n = text.length(); k < n; k++) {
            if (set.get(text.charAt(k))) {
                run++;
            } else {
                best = Math.max(best, run);
                run = 0;
            }
        }
        return Math.max(best, run);
    }
}
