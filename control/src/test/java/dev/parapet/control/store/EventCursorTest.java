package dev.parapet.control.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.core.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EventCursorTest {

    @Test
    void roundTripsWithMicrosecondPrecision() {
        EventCursor cursor = new EventCursor(Instant.parse("2026-03-04T05:06:07.123456Z"), Ids.newId());

        String encoded = cursor.encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(EventCursor.decode(encoded)).isEqualTo(cursor);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not base64!", "djI6MToyOjM", "v1:1:2", "v1:x:0:0190f1e2-0000-7000-8000-000000000000",
            "v1:1:0:not-a-uuid"})
    void rejectsAnythingItDidNotEncode(String raw) {
        String encoded = raw.startsWith("v1:")
                ? Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII))
                : raw;

        assertThatThrownBy(() -> EventCursor.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }
}
