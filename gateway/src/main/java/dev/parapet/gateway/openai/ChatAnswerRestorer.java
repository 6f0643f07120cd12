package dev.parapet.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.detect.TokenVault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts tokenized values back into an OpenAI chat-completions answer: the message content of each
 * choice in a JSON completion, and the content deltas of a stream, where a token split across two
 * chunks is held back until it is whole (never more than a token's length) and released with the
 * next chunk or the choice's final chunk.
 */
public final class ChatAnswerRestorer {
    private final ObjectMapper mapper;

    public ChatAnswerRestorer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The completion with tokens restored in every choice's {@code message.content}. */
    public byte[] restoreCompletion(byte[] body, TokenVault vault) throws IOException {
        JsonNode root = mapper.readTree(body);
        if (root == null || !root.path("choices").isArray()) {
            return body;
        }
        for (JsonNode choice : root.get("choices")) {
            JsonNode message = choice.path("message");
            if (message.isObject() && message.path("content").isTextual()) {
                ((ObjectNode) message).put("content", vault.restore(message.get("content").asText()));
            }
        }
        return mapper.writeValueAsBytes(root);
    }

    /**
     * Relays a stream of {@code chat.completion.chunk} events from {@code in} to {@code out},
     * restoring tokens in content deltas, flushing after every event.
     */
    public void relayStream(InputStream in, OutputStream out, TokenVault vault) throws IOException {
        Map<Integer, TokenVault.StreamRestorer> restorers = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                line = "data: " + restoreChunk(line.substring(6), vault, restorers);
            }
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            if (line.isEmpty()) {
                out.flush();
            }
        }
        out.flush();
    }

    private String restoreChunk(String json, TokenVault vault, Map<Integer, TokenVault.StreamRestorer> restorers)
            throws IOException {
        JsonNode chunk;
        try {
            chunk = mapper.readTree(json);
        } catch (IOException notJson) {
            return json;
        }
        if (chunk == null || !chunk.path("choices").isArray()) {
            return json;
        }
        for (JsonNode choice : chunk.get("choices")) {
            if (!choice.isObject() || !choice.path("delta").isObject()) {
                continue;
            }
            TokenVault.StreamRestorer restorer = restorers.computeIfAbsent(choice.path("index").asInt(0),
                    i -> vault.streamRestorer());
            ObjectNode delta = (ObjectNode) choice.get("delta");
            String text = delta.path("content").isTextual() ? restorer.push(delta.get("content").asText()) : "";
            boolean finished = choice.hasNonNull("finish_reason");
            if (finished) {
                text += restorer.flush();
            }
            if (delta.path("content").isTextual() || !text.isEmpty()) {
                delta.put("content", text);
            }
        }
        return mapper.writeValueAsString(chunk);
    }
}
