package dev.parapet.detect.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in one pass over a text, where the keywords of every rule occur, ignoring ASCII case (an
 * Aho–Corasick automaton over all keywords). Keywords are lower-case ASCII, so folding only ASCII
 * letters is exact: the case-insensitive parts of the rules' expressions are ASCII-only too.
 *
 * <p>Immutable and thread-safe; scanning costs one table step per character plus one step per
 * keyword occurrence.
 */
final class KeywordIndex {

    /** Bits of an output entry that hold the keyword's length; the rest hold the rule index. */
    private static final int LENGTH_BITS = 10;
    private static final int MAX_KEYWORD_LENGTH = (1 << LENGTH_BITS) - 1;

    private final int ruleCount;
    private final int classes;
    private final byte[] classOf = new byte[128];
    /**
     * Transition table indexed by {@code row + class}, where a state's row is {@code state * classes}.
     * An entry is the next state's row, or its bitwise complement when keywords end at that state.
     */
    private final int[] delta;
    /** Keywords that end at each state, including through failure links: {@code rule << LENGTH_BITS | length}. */
    private final int[][] endingAt;

    /**
     * @param keywordsPerRule for each rule, in order, its keywords (non-empty, lower-case ASCII)
     */
    KeywordIndex(List<List<String>> keywordsPerRule) {
        this.ruleCount = keywordsPerRule.size();
        this.classes = assignClasses(keywordsPerRule);

        List<Map<Integer, Integer>> trie = new ArrayList<>();
        List<Set<Integer>> out = new ArrayList<>();
        trie.add(new HashMap<>());
        out.add(new LinkedHashSet<>());
        for (int rule = 0; rule < ruleCount; rule++) {
            for (String k : keywordsPerRule.get(rule)) {
                if (k.isEmpty() || k.length() > MAX_KEYWORD_LENGTH) {
                    throw new IllegalArgumentException("keyword length out of range: '" + k + "'");
                }
                int state = 0;
                for (char c : k.toCharArray()) {
                    int cls = classOf[c];
                    Integer next = trie.get(state).get(cls);
                    if (next == null) {
                        next = trie.size();
                        trie.add(new HashMap<>());
                        out.add(new LinkedHashSet<>());
                        trie.get(state).put(cls, next);
                    }
                    state = next;
                }
                out.get(state).add(rule << LENGTH_BITS | k.length());
            }
        }

        int states = trie.size();
        this.delta = new int[states * classes];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int cls = 0; cls < classes; cls++) {
            Integer child = trie.get(0).get(cls);
            if (child != null) {
                delta[cls] = child;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            out.get(state).addAll(out.get(fail[state]));
            for (int cls = 0; cls < classes; cls++) {
                Integer child = trie.get(state).get(cls);
                int viaFail = delta[fail[state] * classes + cls];
                if (child != null) {
                    fail[child] = viaFail;
                    delta[state * classes + cls] = child;
                    queue.add(child);
                } else {
                    delta[state * classes + cls] = viaFail;
                }
            }
        }
        this.endingAt = new int[states][];
        for (int s = 0; s < states; s++) {
            endingAt[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        for (int i = 0; i < delta.length; i++) {
            int next = delta[i];
            delta[i] = endingAt[next].length == 0 ? next * classes : ~(next * classes);
        }
    }

    private int assignClasses(List<List<String>> keywordsPerRule) {
        int next = 1;
        for (List<String> keywords : keywordsPerRule) {
            for (String k : keywords) {
                for (char c : k.toCharArray()) {
                    if (c >= 128 || Character.isUpperCase(c)) {
                        throw new IllegalArgumentException("keyword '" + k + "' is not lower-case ASCII");
                    }
                    if (classOf[c] == 0) {
                        if (next > Byte.MAX_VALUE) {
                            throw new IllegalArgumentException("too many distinct keyword characters");
                        }
                        classOf[c] = (byte) next++;
                    }
                }
            }
        }
        return next;
    }

    /**
     * For each rule, the start offsets in {@code text} of its keywords' occurrences, ascending and
     * without repeats; {@code null} for a rule none of whose keywords occurs.
     */
    int[][] keywordStarts(CharSequence text) {
        int[][] starts = new int[ruleCount][];
        int[] counts = new int[ruleCount];
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            row = delta[row + (c < 128 ? classOf[c] : 0)];
            if (row < 0) {
                row = ~row;
                for (int entry : endingAt[row / classes]) {
                    int rule = entry >>> LENGTH_BITS;
                    int start = i + 1 - (entry & MAX_KEYWORD_LENGTH);
                    int[] s = starts[rule];
                    if (s == null) {
                        s = starts[rule] = new int[4];
                    } else if (counts[rule] == s.length) {
                        s = starts[rule] = Arrays.copyOf(s, s.length * 2);
                    }
                    s[counts[rule]++] = start;
                }
            }
        }
        for (int r = 0; r < ruleCount; r++) {
            if (starts[r] != null) {
                int[] s = starts[r];
                Arrays.sort(s, 0, counts[r]);
                int unique = 0;
                for (int i = 0; i < counts[r]; i++) {
                    if (unique == 0 || s[i] != s[unique - 1]) {
                        s[unique++] = s[i];
                    }
                }
                starts[r] = Arrays.copyOf(s, unique);
            }
        }
        return starts;
    }
}
