package dev.parapet.detect.heuristics;

/**
 * The words of a text (maximal runs of letters and digits), each with its span and a 64-bit hash
 * of its lower-cased form, and whether it begins a sentence. One pass, no per-word allocation.
 */
final class Words {
    final int count;
    final int[] starts;
    final int[] ends;
    final long[] hashes;
    final boolean[] sentenceStarts;

    private Words(int count, int[] starts, int[] ends, long[] hashes, boolean[] sentenceStarts) {
        this.count = count;
        this.starts = starts;
        this.ends = ends;
        this.hashes = hashes;
        this.sentenceStarts = sentenceStarts;
    }

    static Words of(String text) {
        int capacity = Math.max(4, text.length() / 5);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        long[] hashes = new long[capacity];
        boolean[] sentenceStarts = new boolean[capacity];
        int n = 0;
        boolean boundary = true;
        int i = 0;
        int len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') {
                    boundary = true;
                }
                i++;
                continue;
            }
            int start = i;
            long h = 0xcbf29ce484222325L;
            char d;
            while (i < len && isWordChar(d = text.charAt(i))) {
                h = (h ^ lower(d)) * 0x100000001b3L;
                i++;
            }
            if (n == starts.length) {
                int grown = n * 2;
                starts = java.util.Arrays.copyOf(starts, grown);
                ends = java.util.Arrays.copyOf(ends, grown);
                hashes = java.util.Arrays.copyOf(hashes, grown);
                sentenceStarts = java.util.Arrays.copyOf(sentenceStarts, grown);
            }
            starts[n] = start;
            ends[n] = i;
            hashes[n] = h;
            sentenceStarts[n] = boundary;
            boundary = false;
            n++;
        }
        return new Words(n, starts, ends, hashes, sentenceStarts);
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    /** The hash {@link #of} gives the word {@code word} (letters and digits only). */
    static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h = (h ^ lower(word.charAt(i))) * 0x100000001b3L;
        }
        return h;
    }
}
