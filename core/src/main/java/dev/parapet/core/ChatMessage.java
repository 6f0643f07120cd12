package dev.parapet.core;

import java.util.Objects;

/**
 * One message of a conversation, normalised from any provider's wire format.
 *
 * @param role    {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param content the message's text; multi-part content is joined into one text for scanning
 */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
