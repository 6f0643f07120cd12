package dev.parapet.detect.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in one pass over a text, which rules have at least one of their keywords in it, ignoring
 * ASCII case (an Aho–Corasick automaton over the keywords of every rule). Keywords are lower-case
 * ASCII, so folding only ASCII letters is exact: a rule's case-insensitive parts are ASCII-only too.
 *
 * <p>Immutable and thread-safe; scanning costs one table step per character.
 */
final class KeywordIndex {

    private final int ruleCount;
    private final int classes;
    private final byte[] classOf = new byte[128];
    /** Transition table, {@code state * classes + class}. */
    private final int[] delta;
    /** Rules whose keyword ends at each state (including through failure links). */
    private final int[][] rulesAt;

    /**
     * @param keywordsPerRule for each rule, in order, its keywords (non-empty, lower-case ASCII)
     */
    KeywordIndex(List<List<String>> keywordsPerRule) {
        this.ruleCount = keywordsPerRule.size();
        int nextClass = 1;
        for (List<String> keywords : keywordsPerRule) {
            for (String k : keywords) {
                for (char c : k.toCharArray()) {
                    if (c >= 128 || Character.isUpperCase(c)) {
                        throw new IllegalArgumentException("keyword '" + k + "' is not lower-case ASCII");
                    }
                    if (classOf[c] == 0) {
                        if (nextClass > Byte.MAX_VALUE) {
                            throw new IllegalArgumentException("too many distinct keyword characters");
                        }
                        classOf[c] = (byte) nextClass++;
                    }
                }
            }
        }
        this.classes = nextClass;

        List<Map<Integer, Integer>> trie = new ArrayList<>();
        List<Set<Integer>> out = new ArrayList<>();
        trie.add(new HashMap<>());
        out.add(new LinkedHashSet<>());
        for (int rule = 0; rule < keywordsPerRule.size(); rule++) {
            for (String k : keywordsPerRule.get(rule)) {
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
                out.get(state).add(rule);
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
        this.rulesAt = new int[states][];
        for (int s = 0; s < states; s++) {
            rulesAt[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** For each rule, whether one of its keywords occurs in {@code text}, ignoring ASCII case. */
    boolean[] rulesWithKeywordIn(CharSequence text) {
        boolean[] hit = new boolean[ruleCount];
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            state = delta[state * classes + (c < 128 ? classOf[c] : 0)];
            for (int rule : rulesAt[state]) {
                hit[rule] = true;
            }
        }
        return hit;
    }
}
