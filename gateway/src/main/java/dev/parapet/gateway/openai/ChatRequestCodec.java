package dev.parapet.gateway.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.detect.Redactor;
import dev.parapet.detect.Replacement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses OpenAI chat-completions requests and rewrites them after redaction.
 *
 * <p>A message's content may be a string, {@code null}, or an array of parts; the text parts are
 * joined with a newline into the message's normalised content, so finding offsets can be mapped
 * back to the exact JSON value they came from. Other request fields are kept as they are.
 */
public final class ChatRequestCodec {
    private final ObjectMapper mapper;

    public ChatRequestCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The result of parsing: a valid request, or the problem, phrased without echoing content. */
    public sealed interface Result {
        record Valid(ParsedChatRequest request) implements Result {
        }

        record Invalid(String problem) implements Result {
        }
    }

    public Result parse(byte[] body, String provider, String endpoint) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return new Result.Invalid("body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            return new Result.Invalid("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return new Result.Invalid("body must be a JSON object");
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            return new Result.Invalid("'model' must be a non-empty string");
        }
        JsonNode stream = root.get("stream");
        if (stream != null && !stream.isBoolean() && !stream.isNull()) {
            return new Result.Invalid("'stream' must be a boolean");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return new Result.Invalid("'messages' must be a non-empty array");
        }
        List<ChatMessage> normalised = new ArrayList<>(messages.size());
        List<ParsedChatRequest.TextSlot> slots = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                return new Result.Invalid("messages[" + i + "] must be an object");
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual()) {
                return new Result.Invalid("messages[" + i + "].role must be a string");
            }
            String problem = collectText(i, (ObjectNode) m, slots);
            if (problem != null) {
                return new Result.Invalid(problem);
            }
            normalised.add(new ChatMessage(role.asText(), contentOf(i, slots)));
        }
        Interaction interaction = new Interaction(provider, endpoint, model.asText(), normalised,
                stream != null && stream.asBoolean(), body.length);
        return new Result.Valid(new ParsedChatRequest((ObjectNode) root, interaction, List.copyOf(slots)));
    }

    /** Adds the text slots of message {@code i}; returns a problem description or {@code null}. */
    private static String collectText(int i, ObjectNode message, List<ParsedChatRequest.TextSlot> slots) {
        JsonNode content = message.get("content");
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            slots.add(new ParsedChatRequest.TextSlot(i, 0, content.asText(), message, "content"));
            return null;
        }
        if (!content.isArray()) {
            return "messages[" + i + "].content must be a string, an array of parts or null";
        }
        int offset = 0;
        for (int p = 0; p < content.size(); p++) {
            JsonNode part = content.get(p);
            if (!part.isObject() || !part.path("type").isTextual()) {
                return "messages[" + i + "].content[" + p + "] must be an object with a 'type'";
            }
            if (part.path("type").asText().equals("text")) {
                JsonNode text = part.get("text");
                if (text == null || !text.isTextual()) {
                    return "messages[" + i + "].content[" + p + "].text must be a string";
                }
                slots.add(new ParsedChatRequest.TextSlot(i, offset, text.asText(), (ObjectNode) part, "text"));
                offset += text.asText().length() + 1;
            }
        }
        return null;
    }

    private static String contentOf(int messageIndex, List<ParsedChatRequest.TextSlot> slots) {
        StringBuilder sb = new StringBuilder();
        for (ParsedChatRequest.TextSlot s : slots) {
            if (s.messageIndex() == messageIndex) {
                if (s.offset() > 0) {
                    sb.append('\n');
                }
                sb.append(s.text());
            }
        }
        return sb.toString();
    }

    /**
     * The request body with every span of {@code toMask} replaced as {@code replacement} says.
     * Spans that cross a part boundary are replaced in each part they touch.
     */
    public byte[] redact(ParsedChatRequest request, List<Finding> toMask, Replacement replacement) {
        for (ParsedChatRequest.TextSlot slot : request.slots()) {
            List<Finding> local = new ArrayList<>();
            for (Finding f : toMask) {
                if (f.messageIndex() == slot.messageIndex() && f.start() < slot.end() && f.end() > slot.offset()) {
                    int start = Math.max(f.start(), slot.offset()) - slot.offset();
                    int end = Math.min(f.end(), slot.end()) - slot.offset();
                    local.add(new Finding(f.type(), f.family(), f.ruleId(), f.severity(), f.confidence(), 0, start, end));
                }
            }
            if (!local.isEmpty()) {
                slot.owner().put(slot.field(), Redactor.apply(slot.text(), local, replacement));
            }
        }
        try {
            return mapper.writeValueAsBytes(request.root());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed request must serialise", e);
        }
    }
}
