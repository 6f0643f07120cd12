package dev.parapet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.app.demo.DemoUpstream;
import java.util.List;
import java.util.Locale;

/**
 * The shape of the requests a load run sends. Every request of a pair carries the same body to
 * both targets; only the gateway judges it, so the direct upstream answers 200 to all of them.
 */
public enum Scenario {
    /** A benign prompt; the gateway forwards it unchanged. */
    ALLOW,
    /** A prompt with an e-mail address; the gateway masks it and forwards. */
    REDACT,
    /** A prompt with an injection phrase; the gateway refuses it with 403 and never calls upstream. */
    BLOCK,
    /** Allow, redact and block in turn, one per request. */
    MIXED;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<Scenario> MIXED_CYCLE = List.of(ALLOW, REDACT, BLOCK);

    /** Parses {@code allow|redact|block|mixed}. */
    public static Scenario parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scenario '" + name + "' (expected allow, redact, block or mixed)");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The single-kind scenario request {@code index} of this run uses. */
    Scenario forRequest(long index) {
        return this == MIXED ? MIXED_CYCLE.get((int) (index % MIXED_CYCLE.size())) : this;
    }

    /** The status the gateway must answer with for a request of this single-kind scenario. */
    int expectedGatewayStatus() {
        return this == BLOCK ? 403 : 200;
    }

    /** The user prompt of this single-kind scenario. */
    String prompt() {
        return switch (this) {
            case ALLOW -> SamplePrompts.BENIGN;
            case REDACT -> SamplePrompts.WITH_EMAIL;
            case BLOCK -> SamplePrompts.WITH_INJECTION;
            case MIXED -> throw new IllegalStateException("mixed has no prompt of its own");
        };
    }

    /** An OpenAI chat-completions request for the demo model with a system and a user message. */
    byte[] requestBody(boolean stream) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", DemoUpstream.MODEL);
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system")
                .put("content", "You are a careful capacity-planning assistant. Answer concisely.");
        messages.addObject().put("role", "user").put("content", prompt());
        root.put("temperature", 0.2);
        if (stream) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
