package dev.parapet.detect.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.core.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads secret rules from their YAML form ({@code secret-rules.yaml}; its header documents the
 * fields). Errors name the rule id and the field. Each rule must have at least one keyword, a
 * pattern with exactly one capture group, and an example and counter-example.
 */
final class SecretRulePack {

    static final String DEFAULT_RESOURCE = "secret-rules.yaml";

    private SecretRulePack() {
    }

    /** The rules shipped with Parapet, in file order. */
    static List<SecretRule> defaults() {
        try (InputStream in = SecretRulePack.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    static List<SecretRule> parse(byte[] yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        JsonNode list = root == null ? null : root.get("rules");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("secret rules: expected a 'rules' list");
        }
        List<SecretRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : list) {
            String id = text(node, "id", "?");
            if (!ids.add(id)) {
                throw new IllegalArgumentException("secret rule " + id + ": duplicate id");
            }
            out.add(rule(id, node));
        }
        return List.copyOf(out);
    }

    private static SecretRule rule(String id, JsonNode node) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(text(node, "regex", id));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("secret rule " + id + ": bad regex: " + e.getMessage(), e);
        }
        if (pattern.matcher("").groupCount() != 1) {
            throw new IllegalArgumentException("secret rule " + id + ": regex must have exactly one capture group");
        }
        List<String> keywords = new ArrayList<>();
        for (JsonNode k : node.path("keywords")) {
            String keyword = k.asText();
            if (keyword.isEmpty() || !keyword.equals(keyword.toLowerCase(Locale.ROOT))
                    || !keyword.chars().allMatch(c -> c < 128)) {
                throw new IllegalArgumentException("secret rule " + id + ": keyword '" + keyword
                        + "' must be non-empty lower-case ASCII");
            }
            keywords.add(keyword);
        }
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("secret rule " + id + ": needs at least one keyword");
        }
        Severity severity;
        SecretValidator validator;
        try {
            severity = Severity.valueOf(text(node, "severity", id).toUpperCase(Locale.ROOT));
            validator = SecretValidator.named(node.path("validator").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret rule " + id + ": " + e.getMessage(), e);
        }
        return new SecretRule(id, text(node, "kind", id), text(node, "category", id), text(node, "description", id),
                keywords, node.path("keyword_lead").asInt(0), pattern, node.path("min_entropy").asDouble(0), validator, severity,
                node.path("confidence").asDouble(0.8), text(node, "example", id), text(node, "counter_example", id));
    }

    private static String text(JsonNode node, String field, String id) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException("secret rule " + id + ": missing '" + field + "'");
        }
        return value.asText();
    }
}
