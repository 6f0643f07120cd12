package dev.parapet.control.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a tenant's events, newest first: the stored timestamp and id of the last event
 * a page returned. Clients see it only as an opaque string ({@link #encode()}).
 */
public record EventCursor(Instant ts, UUID eventId) {
    private static final String VERSION = "v1";

    public EventCursor {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** URL-safe base64 of {@code v1:<epoch seconds>:<nanos>:<uuid>}. */
    public String encode() {
        String plain = VERSION + ":" + ts.getEpochSecond() + ":" + ts.getNano() + ":" + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Parses {@link #encode()}'s output; throws {@link IllegalArgumentException} on anything else. */
    public static EventCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("not a cursor");
            }
            Instant ts = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            return new EventCursor(ts, UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed cursor", e);
        }
    }
}
