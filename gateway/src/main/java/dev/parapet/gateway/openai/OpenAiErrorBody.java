package dev.parapet.gateway.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.gateway.pipeline.Outcome;

/**
 * The error body OpenAI's API and SDKs use: {@code {"error":{"message","type","param","code"}}},
 * with Parapet's decision id added inside {@code error} for support and audit lookups.
 */
public final class OpenAiErrorBody {
    private final ObjectMapper mapper;

    public OpenAiErrorBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] of(Outcome.Refused refused, String decisionId) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", refused.message());
        error.put("type", refused.type());
        error.putNull("param");
        error.put("code", refused.code());
        error.put("decision_id", decisionId);
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same error as one server-sent event, to end a stream that failed after it started. */
    public byte[] asStreamEvent(Outcome.Refused refused, String decisionId) {
        byte[] json = of(refused, decisionId);
        byte[] prefix = "data: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + json.length + 2];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(json, 0, out, prefix.length, json.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }
}
