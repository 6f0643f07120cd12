package dev.parapet.gateway.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.Interaction;
import java.util.List;

/**
 * A parsed chat-completions request: the JSON tree (kept so that a redacted body differs from the
 * original only in the masked text), the normalised interaction, and where each piece of message
 * text sits in both.
 *
 * @param root        the request's JSON object
 * @param interaction the normalised interaction
 * @param slots       every text value that makes up a message's content, in order
 */
public record ParsedChatRequest(ObjectNode root, Interaction interaction, List<TextSlot> slots) {

    /**
     * One text value in the JSON tree that is part of a message's content.
     *
     * @param messageIndex the message it belongs to
     * @param offset       where it starts in that message's normalised content
     * @param text         the text
     * @param owner        the JSON object that holds it
     * @param field        the field of {@code owner} that holds it ({@code content} or {@code text})
     */
    public record TextSlot(int messageIndex, int offset, String text, ObjectNode owner, String field) {
        public int end() {
            return offset + text.length();
        }
    }
}
