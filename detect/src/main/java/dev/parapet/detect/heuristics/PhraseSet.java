package dev.parapet.detect.heuristics;

import java.util.Arrays;
import java.util.List;

/**
 * A fixed set of word sequences ("system prompt", "you are now") matched against a text's
 * {@link Words} by hash, word by word: case and punctuation between words do not matter. A lookup
 * costs a binary search on the first word, so matching is linear in the number of words.
 */
final class PhraseSet {
    private final long[] firstWords; // sorted, distinct
    private final long[][][] byFirst; // byFirst[k] = phrases whose first word is firstWords[k]

    PhraseSet(List<String> phrases) {
        long[][] all = phrases.stream().map(PhraseSet::hashes).toArray(long[][]::new);
        firstWords = Arrays.stream(all).mapToLong(p -> p[0]).distinct().sorted().toArray();
        byFirst = new long[firstWords.length][][];
        for (int k = 0; k < firstWords.length; k++) {
            long first = firstWords[k];
            byFirst[k] = Arrays.stream(all).filter(p -> p[0] == first).toArray(long[][]::new);
        }
    }

    private static long[] hashes(String phrase) {
        return Arrays.stream(phrase.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .mapToLong(Words::hash).toArray();
    }

    boolean containsWord(long hash) {
        return Arrays.binarySearch(firstWords, hash) >= 0;
    }

    /** The number of words of the longest phrase that starts at word {@code i}, or 0. */
    int matchAt(Words words, int i) {
        int k = Arrays.binarySearch(firstWords, words.hashes[i]);
        if (k < 0) {
            return 0;
        }
        int best = 0;
        for (long[] phrase : byFirst[k]) {
            if (phrase.length > best && i + phrase.length <= words.count && matches(words, i, phrase)) {
                best = phrase.length;
            }
        }
        return best;
    }

    private static boolean matches(Words words, int i, long[] phrase) {
        for (int j = 1; j < phrase.length; j++) {
            if (words.hashes[i + j] != phrase[j]) {
                return false;
            }
        }
        return true;
    }
}
