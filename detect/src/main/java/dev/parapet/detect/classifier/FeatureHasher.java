package dev.parapet.detect.classifier;

import java.util.Arrays;

/**
 * Maps a normalised text ({@link ClassifierText}) to the buckets of its features, by hashing:
 * every character 3-, 4- and 5-gram of the text framed by spaces, every word and every pair of
 * adjacent words (a word is a maximal run of letters and digits). A feature that occurs twice
 * yields its bucket twice, so the feature vector is the bucket counts; the classifier scales it by
 * the L2 norm of the bucket counts (see {@link ClassifierModel#margin}).
 *
 * <p>The hash is FNV-1a over UTF-16 units, seeded per feature kind and finished with a
 * Murmur3 mix; it is part of the model format ({@link ClassifierModel#FORMAT_VERSION}).
 */
final class FeatureHasher {

    /** log2 of the number of buckets. */
    static final int BITS = 18;
    static final int BUCKETS = 1 << BITS;

    private static final int MASK = BUCKETS - 1;
    private static final int FNV_PRIME = 0x01000193;
    private static final int CHAR_SEED = 0x811C9DC5;
    private static final int WORD_SEED = 0x5BD1E995;
    private static final int BIGRAM_SEED = 0x27D4EB2F;
    private static final int MIN_N = 3;
    private static final int MAX_N = 5;

    private FeatureHasher() {
    }

    /** Receives the bucket of each feature occurrence, in a fixed order. */
    interface Sink {
        void add(int bucket);
    }

    /** The buckets of every feature of {@code normalised}, one entry per occurrence. */
    static int[] buckets(String normalised) {
        Collector collector = new Collector(normalised.length() * (MAX_N - MIN_N + 2) + 8);
        forEach(normalised, collector);
        return Arrays.copyOf(collector.buckets, collector.count);
    }

    /** Passes the bucket of every feature occurrence of {@code normalised} to {@code sink}, without allocating. */
    static void forEach(String normalised, Sink sink) {
        int len = normalised.length() + 2;
        for (int i = 0; i < len; i++) {
            int h = CHAR_SEED;
            for (int k = 0; k < MAX_N && i + k < len; k++) {
                h = (h ^ framedChar(normalised, i + k)) * FNV_PRIME;
                if (k + 1 >= MIN_N) {
                    sink.add(finish(h + k));
                }
            }
        }
        int previousWord = 0;
        boolean havePrevious = false;
        int i = 0;
        int n = normalised.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(normalised.charAt(i))) {
                i++;
                continue;
            }
            int h = WORD_SEED;
            while (i < n && Character.isLetterOrDigit(normalised.charAt(i))) {
                h = (h ^ normalised.charAt(i)) * FNV_PRIME;
                i++;
            }
            sink.add(finish(h));
            if (havePrevious) {
                sink.add(finish((previousWord * 31 + h) ^ BIGRAM_SEED));
            }
            previousWord = h;
            havePrevious = true;
        }
    }

    private static final class Collector implements Sink {
        int[] buckets;
        int count;

        Collector(int capacity) {
            buckets = new int[capacity];
        }

        @Override
        public void add(int bucket) {
            if (count == buckets.length) {
                buckets = Arrays.copyOf(buckets, buckets.length * 2);
            }
            buckets[count++] = bucket;
        }
    }

    private static char framedChar(String s, int framedIndex) {
        return framedIndex == 0 || framedIndex == s.length() + 1 ? ' ' : s.charAt(framedIndex - 1);
    }

    private static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & MASK;
    }
}
