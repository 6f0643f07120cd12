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

    /** The id of the class written {@code source} in a pattern ({@code \w}, {@code [a-z]}, {@code .}, a literal). */
    int id(String source) {
        Integer id = ids.get(source);
        if (id != null) {
            return id;
        }
        members.add(membersOf(source));
        ids.put(source, members.size() - 1);
        return members.size() - 1;
    }

    int size() {
        return members.size();
    }

    private static BitSet membersOf(String source) {
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
     * members in {@code text}; 0 for the others.
     */
    int[] longestRuns(String text, boolean[] needed) {
        int[] longest = new int[members.size()];
        for (int i = 0; i < members.size(); i++) {
            if (!needed[i]) {
                continue;
            }
            BitSet set = members.get(i);
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
            longest[i] = Math.max(best, run);
        }
        return longest;
    }
}
