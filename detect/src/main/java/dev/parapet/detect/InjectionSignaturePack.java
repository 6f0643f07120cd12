package dev.parapet.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import dev.parapet.core.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads signatures from their YAML form:
 * <pre>
 * signatures:
 *   - id: INJ-001
 *     type: injection.instruction_override
 *     severity: high
 *     confidence: 0.9
 *     keywords: [ignore, disregard]   # optional pre-filter: one must occur (lower-case)
 *     pattern: '\b(?:ignore|disregard)\b ...'
 * </pre>
 * Patterns are compiled with java.util.regex, case-insensitively; errors name the signature id.
 * They are our own, reviewed patterns with bounded repetition only; patterns a user supplies
 * (bundle overrides, issue #3) must go through a linear-time engine instead.
 */
final class InjectionSignaturePack {

    static final String DEFAULT_RESOURCE = "injection-signatures.yaml";

    private InjectionSignaturePack() {
    }

    /** The signatures shipped with Parapet. */
    static List<InjectionSignature> defaults() {
        try (InputStream in = InjectionSignaturePack.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    static List<InjectionSignature> parse(byte[] yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        JsonNode list = root == null ? null : root.get("signatures");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("signature pack: expected a 'signatures' list");
        }
        List<InjectionSignature> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : list) {
            String id = text(node, "id", "?");
            if (!ids.add(id)) {
                throw new IllegalArgumentException("signature " + id + ": duplicate id");
            }
            Severity severity = Severity.valueOf(text(node, "severity", id).toUpperCase(Locale.ROOT));
            double confidence = node.path("confidence").asDouble(1.0);
            String regex = text(node, "pattern", id);
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("signature " + id + ": bad pattern: " + e.getMessage(), e);
            }
            List<String> keywords = new ArrayList<>();
            for (JsonNode k : node.path("keywords")) {
                if (!k.asText().equals(k.asText().toLowerCase(Locale.ROOT)) || k.asText().isEmpty()) {
                    throw new IllegalArgumentException("signature " + id + ": keyword '" + k.asText() + "' must be non-empty lower case");
                }
                keywords.add(k.asText());
            }
            out.add(new InjectionSignature(id, text(node, "type", id), severity, confidence, keywords, pattern));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode node, String field, String id) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException("signature " + id + ": missing '" + field + "'");
        }
        return value.asText();
    }
}
