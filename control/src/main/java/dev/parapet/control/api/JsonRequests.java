package dev.parapet.control.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads JSON request bodies: media type, size bound, and strict parsing into a tree. */
final class JsonRequests {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonRequests() {
    }

    /** Refuses a declared media type other than JSON with 415; no {@code Content-Type} is accepted. */
    static void requireJson(ServerRequest req) {
        req.headers().first(HeaderNames.CONTENT_TYPE).ifPresent(type -> {
            String t = type.strip().toLowerCase(Locale.ROOT);
            if (!t.startsWith("application/json")) {
                throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body must be application/json.");
            }
        });
    }

    /** Reads the whole body, refusing it with 413 once it exceeds {@code max} bytes. */
    static byte[] readBody(ServerRequest req, long max) {
        if (!req.content().hasEntity()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.");
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (body.length > max) {
                throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The body exceeds " + max + " bytes.");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body as a JSON object holding only {@code allowed} fields; duplicate fields, other
     * fields and anything that is not an object are 400 {@code malformed_request}.
     */
    static ObjectNode object(ServerRequest req, long max, Set<String> allowed) {
        requireJson(req);
        JsonNode root;
        try {
            root = STRICT.readTree(readBody(req, max));
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The body must be a JSON object.");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw new ApiException(ErrorCode.MALFORMED_REQUEST, "Unknown field '" + field.getKey()
                        + "' (expected: " + String.join(", ", allowed.stream().sorted().toList()) + ").");
            }
        }
        return (ObjectNode) root;
    }
}
