package dev.parapet.detect.scan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedTextTest {

    @Test
    void asciiTextNeedsNoMap() {
        EncodedText t = EncodedText.of("plain text");
        assertThat(t.bytes).hasSize(10);
        assertThat(t.startChar(3)).isEqualTo(3);
        assertThat(t.endChar(7)).isEqualTo(7);
    }

    @Test
    void mapsMultiByteCharactersAndSurrogatePairsBackToUtf16() {
        String text = "é😀x"; // 2 + 4 + 1 bytes; 1 + 2 + 1 chars
        EncodedText t = EncodedText.of(text);
        assertThat(t.bytes).hasSize(7);
        assertThat(t.startChar(2)).isEqualTo(1);   // the emoji starts at byte 2, char 1
        assertThat(t.endChar(6)).isEqualTo(3);     // after the emoji
        assertThat(t.startChar(6)).isEqualTo(3);   // x
        assertThat(t.endChar(4)).isEqualTo(3);     // inside the emoji: rounds up past it
        assertThat(t.startChar(4)).isEqualTo(1);   // inside the emoji: rounds down to it
    }

    @Test
    void unpairedSurrogateIsOneByte() {
        String text = "a\uD83Dé";
        EncodedText t = EncodedText.of(text);
        assertThat(t.bytes).hasSize(4);
        assertThat(t.startChar(2)).isEqualTo(2);
        assertThat(t.endChar(4)).isEqualTo(3);
    }
}
