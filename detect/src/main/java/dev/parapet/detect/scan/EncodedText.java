package dev.parapet.detect.scan;

import java.nio.charset.StandardCharsets;

/**
 * A text as the UTF-8 bytes Hyperscan scans, with the way back from byte offsets to UTF-16
 * offsets. ASCII text (the common case) needs no map: byte and char offsets are equal. An
 * unpaired surrogate is encoded as one byte ({@code ?}), as {@link String#getBytes} does.
 */
final class EncodedText {

    final byte[] bytes;
    /** For each byte offset, the char offset of the code point boundary at or before it; null for ASCII. */
    private final int[] floor;
    /** For each byte offset, the char offset of the code point boundary at or after it; null for ASCII. */
    private final int[] ceiling;

    private EncodedText(byte[] bytes, int[] floor, int[] ceiling) {
        this.bytes = bytes;
        this.floor = floor;
        this.ceiling = ceiling;
    }

    static EncodedText of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == text.length()) {
            return new EncodedText(bytes, null, null);
        }
        int[] floor = new int[bytes.length + 1];
        int[] ceiling = new int[bytes.length + 1];
        int b = 0;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            int units = 1;
            int width;
            if (c < 0x80) {
                width = 1;
            } else if (c < 0x800) {
                width = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 4;
                units = 2;
            } else if (Character.isSurrogate(c)) {
                width = 1;
            } else {
                width = 3;
            }
            floor[b] = i;
            ceiling[b] = i;
            for (int k = 1; k < width; k++) {
                floor[b + k] = i;
                ceiling[b + k] = i + units;
            }
            b += width;
            i += units;
        }
        floor[b] = n;
        ceiling[b] = n;
        return new EncodedText(bytes, floor, ceiling);
    }

    /** The char offset of a match starting at byte {@code from}. */
    int startChar(int from) {
        return floor == null ? from : floor[from];
    }

    /** The char offset just after a match ending (exclusive) at byte {@code to}. */
    int endChar(int to) {
        return ceiling == null ? to : ceiling[to];
    }
}
