package dev.parapet.control.policy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a tenant's versions, newest first: the last version a page returned. Clients see
 * it only as an opaque string ({@link #encode()}).
 */
public record VersionCursor(int after) {
    private static final String PREFIX = "pv1:";

    public VersionCursor {
        if (after < 1) {
            throw new IllegalArgumentException("version must be positive: " + after);
        }
    }

    /** URL-safe base64 of {@code pv1:<version>}. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + after).getBytes(StandardCharsets.US_ASCII));
    }

    /** Parses {@link #encode()}'s output; throws {@link IllegalArgumentException} on anything else. */
    public static VersionCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a version cursor");
            }
            return new VersionCursor(Integer.parseInt(plain.substring(PREFIX.length())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed cursor", e);
        }
    }
}
