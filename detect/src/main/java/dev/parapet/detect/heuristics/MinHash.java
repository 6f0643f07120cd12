package dev.parapet.detect.heuristics;

import java.util.Arrays;

/**
 * MinHash signatures of a text's word 3-shingles, by one-permutation hashing: each shingle is
 * hashed once, the top 6 bits of the hash pick one of 64 bins and each bin keeps its minimum.
 * The estimated Jaccard similarity of two texts is the share of bins with equal minima among the
 * bins not empty in both (Li, Owen and Zhang, "One Permutation Hashing", NIPS 2012). A text of
 * one or two words is one shingle; a text without words has an empty signature.
 */
final class MinHash {
    static final int BINS = 64;
    private static final long EMPTY = Long.MAX_VALUE;
    private static final long VALUE_MASK = (1L << 58) - 1;

    private MinHash() {
    }

    static long[] signature(Words words) {
        long[] sig = new long[BINS];
        Arrays.fill(sig, EMPTY);
        long[] h = words.hashes;
        int n = words.count;
        if (n == 0) {
            return sig;
        }
        if (n < 3) {
            add(sig, n == 1 ? h[0] : h[0] * 31 + h[1]);
            return sig;
        }
        for (int i = 0; i + 2 < n; i++) {
            add(sig, (h[i] * 0x9E3779B97F4A7C15L + h[i + 1]) * 0x9E3779B97F4A7C15L + h[i + 2]);
        }
        return sig;
    }

    static long[] signature(String text) {
        return signature(Words.of(text));
    }

    private static void add(long[] sig, long shingle) {
        long x = mix(shingle);
        int bin = (int) (x >>> 58);
        long value = x & VALUE_MASK;
        if (value < sig[bin]) {
            sig[bin] = value;
        }
    }

    /** Estimated Jaccard similarity of the shingle sets behind two signatures, in [0, 1]. */
    static double similarity(long[] a, long[] b) {
        int matches = 0;
        int used = 0;
        for (int i = 0; i < BINS; i++) {
            if (a[i] == EMPTY && b[i] == EMPTY) {
                continue;
            }
            used++;
            if (a[i] == b[i]) {
                matches++;
            }
        }
        return used == 0 ? 0 : (double) matches / used;
    }

    private static long mix(long z) { // murmur3 fmix64
        z ^= z >>> 33;
        z *= 0xff51afd7ed558ccdL;
        z ^= z >>> 33;
        z *= 0xc4ceb9fe1a85ec53L;
        z ^= z >>> 33;
        return z;
    }
}
