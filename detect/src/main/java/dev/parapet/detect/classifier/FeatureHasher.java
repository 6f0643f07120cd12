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
 * Murmur3 mix; it is part of the model format ({@link ClassifierModel#FORMAT_VERSION}). Buckets
 * come out in a fixed order (n-grams by position, then words and word pairs), which the margin's
 * floating-point sum follows.
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

    private FeatureHasher() {
    }

    /** The buckets of every feature of {@code normalised}, one entry per occurrence. */
    static int[] buckets(String normalised) {
        char[] framed = framed(normalised.toCharArray(), normalised.length(), null);
        int[] out = new int[capacityFor(normalised.length())];
        return Arrays.copyOf(out, fill(framed, normalised.length(), out));
    }

    /** The most features a normalised text of {@code length} characters has: the size {@link #fill} needs. */
    static int capacityFor(int length) {
        return 4 * length + 16;
    }

    /**
     * {@code normalised[0, length)} framed by a space on each side, in {@code reuse} when it is
     * long enough.
     */
    static char[] framed(char[] normalised, int length, char[] reuse) {
        char[] framed = reuse != null && reuse.length >= length + 2 ? reuse : new char[length + 2];
        framed[0] = ' ';
        System.arraycopy(normalised, 0, framed, 1, length);
        framed[length + 1] = ' ';
        return framed;
    }

    /**
     * Writes the bucket of every feature occurrence of a normalised text of {@code length}
     * characters, given {@link #framed} by spaces, to {@code out} (at least {@link #capacityFor}
     * long), in order, and returns how many.
     */
    static int fill(char[] framed, int length, int[] out) {
        int n = 0;
        int size = length + 2;
        for (int i = 0; i + 2 < size; i++) {
            int h = (((((CHAR_SEED ^ framed[i]) * FNV_PRIME) ^ framed[i + 1]) * FNV_PRIME) ^ framed[i + 2]) * FNV_PRIME;
            out[n++] = finish(h + 2);
            if (i + 3 < size) {
                h = (h ^ framed[i + 3]) * FNV_PRIME;
                out[n++] = finish(h + 3);
                if (i + 4 < size) {
                    h = (h ^ framed[i + 4]) * FNV_PRIME;
                    out[n++] = finish(h + 4);
                }
            }
        }
        int previousWord = 0;
        boolean havePrevious = false;
        int i = 1;
        int end = length + 1;
        while (i < end) {
            if (!isLetterOrDigit(framed[i])) {
                i++;
                continue;
            }
            int h = WORD_SEED;
            while (i < end && isLetterOrDigit(framed[i])) {
                h = (h ^ framed[i]) * FNV_PRIME;
                i++;
            }
            out[n++] = finish(h);
            if (havePrevious) {
                out[n++] = finish((previousWord * 31 + h) ^ BIGRAM_SEED);
            }
            previousWord = h;
            havePrevious = true;
        }
        return n;
    }

    private static boolean isLetterOrDigit(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetterOrDigit(c);
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
