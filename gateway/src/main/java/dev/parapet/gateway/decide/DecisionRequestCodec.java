package dev.parapet.gateway.decide;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.ChatMessage;
import dev.parapet.core.Interaction;
import dev.parapet.core.ToolCall;
import dev.parapet.gateway.stage.RequestParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses decision requests:
 *
 * <pre>
 * {"tool": {"name": "send_email", "arguments": {"to": "bob@example.com", "body": "..."}},
 *  "content": ["optional free text to judge", ...],
 *  "model": "optional model name"}
 * </pre>
 *
 * <p>At least one of {@code tool} and {@code content}. Every string in the arguments and every
 * content item becomes one scanned text (role {@code tool} or {@code user}); the arguments are
 * also handed to policy as JSON values. On the OPA-compatible route the same object is the
 * {@code input} of {@code {"input": {...}}}. Problems are reported by field, never by quoting
 * content.
 */
public final class DecisionRequestCodec implements RequestParser {

    /** Endpoint name of {@code /v1/decide}. */
    public static final String DECIDE = "decide";
    /** Prefix of the endpoint name of the OPA route, followed by the document path. */
    public static final String DATA_PREFIX = "data:";

    static final int MAX_DEPTH = 32;
    static final int MAX_TEXTS = 1_000;
    static final int MAX_NAME = 200;
    private static final Set<String> KEYS = Set.of("tool", "content", "model");
    private static final Set<String> TOOL_KEYS = Set.of("name", "arguments");

    private final ObjectMapper mapper;

    public DecisionRequestCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Result parse(byte[] body, String provider, String endpoint) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            return invalid("the body is not valid JSON");
        } catch (IOException e) {
            return invalid("the body could not be read");
        }
        String opaPath = null;
        if (endpoint.startsWith(DATA_PREFIX)) {
            opaPath = endpoint.substring(DATA_PREFIX.length());
            if (!opaPath.equals(DecisionAnswerStage.OPA_ALLOW) && !opaPath.equals(DecisionAnswerStage.OPA_DECISION)) {
                return invalid("unknown document '" + opaPath.replaceAll("[^A-Za-z0-9/_.-]", "?")
                        + "' (this gateway serves parapet/allow and parapet/decision)");
            }
            if (root == null || !root.isObject() || !root.has("input")) {
                return invalid("expected an object with 'input'");
            }
            root = root.get("input");
        }
        if (root == null || !root.isObject()) {
            return invalid("expected a JSON object with 'tool' and/or 'content'");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                return invalid("unknown field '" + key + "' (allowed: content, model, tool)");
            }
        }
        List<ChatMessage> texts = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        JsonNode content = root.get("content");
        if (content != null && !content.isNull()) {
            if (!content.isArray()) {
                return invalid("'content' must be a list of strings");
            }
            for (int i = 0; i < content.size(); i++) {
                if (!content.get(i).isTextual()) {
                    return invalid("'content[" + i + "]' must be a string");
                }
                texts.add(new ChatMessage("user", content.get(i).asText()));
                locations.add("content[" + i + "]");
            }
        }
        ToolCall tool = null;
        JsonNode toolNode = root.get("tool");
        if (toolNode != null && !toolNode.isNull()) {
            if (!toolNode.isObject()) {
                return invalid("'tool' must be an object with 'name' and 'arguments'");
            }
            for (Iterator<String> it = toolNode.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!TOOL_KEYS.contains(key)) {
                    return invalid("unknown field 'tool." + key + "' (allowed: arguments, name)");
                }
            }
            JsonNode name = toolNode.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > MAX_NAME) {
                return invalid("'tool.name' must be a non-empty string of at most " + MAX_NAME + " characters");
            }
            JsonNode args = toolNode.get("arguments");
            Map<String, Object> arguments = Map.of();
            if (args != null && !args.isNull()) {
                if (!args.isObject()) {
                    return invalid("'tool.arguments' must be an object");
                }
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> converted = (Map<String, Object>) value(args, "tool.arguments", 0, texts, locations);
                    arguments = converted;
                } catch (TooDeep e) {
                    return invalid(e.getMessage());
                }
            }
            tool = new ToolCall(name.asText(), arguments);
        }
        if (tool == null && texts.isEmpty()) {
            return invalid("give 'tool' or 'content' (or both)");
        }
        if (texts.size() > MAX_TEXTS) {
            return invalid("more than " + MAX_TEXTS + " strings to scan");
        }
        JsonNode model = root.get("model");
        if (model != null && !model.isNull() && !model.isTextual()) {
            return invalid("'model' must be a string");
        }
        String modelName = model == null || model.isNull() ? "" : model.asText();
        Interaction interaction = new Interaction("parapet", endpoint, modelName, texts, false, body.length);
        return new Result.Valid(new DecisionRequest(tool, locations, opaPath), interaction, tool);
    }

    /** A JSON value as CEL wants it; every string is also recorded as a text to scan. */
    private static Object value(JsonNode node, String path, int depth, List<ChatMessage> texts, List<String> locations)
            throws TooDeep {
        if (depth > MAX_DEPTH) {
            throw new TooDeep("'" + path + "' is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), value(e.getValue(), path + "." + e.getKey(), depth + 1, texts, locations));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(value(node.get(i), path + "[" + i + "]", depth + 1, texts, locations));
            }
            return list;
        }
        if (node.isTextual()) {
            texts.add(new ChatMessage("tool", node.asText()));
            locations.add(path);
            return node.asText();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.asLong() : node.asDouble();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return null;
    }

    private static Result invalid(String problem) {
        return new Result.Invalid(problem);
    }

    private static final class TooDeep extends Exception {
        TooDeep(String message) {
            super(message, null, false, false);
        }
    }
}
