package dev.parapet.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of a YAML file of a bundle directory, with the file it came from and its path in it, so
 * that every error names both: {@code limits.yaml: rates[2].requests_per_minute: must be an
 * integer from 1 to 1000000000}. The readers of the bundle's files and of its policy tests are
 * written with it; it refuses duplicate keys, unknown keys (via {@link #keys}) and values of the
 * wrong shape. Instances are immutable.
 */
public final class YamlNode {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final String file;
    private final String path;
    private final JsonNode node;

    private YamlNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * Parses one file, which must hold a YAML mapping.
     *
     * @param file the file's path in the bundle, for messages
     * @throws PolicyBundleException when the bytes are not YAML, repeat a key, or are not a mapping
     */
    public static YamlNode parse(String file, byte[] yaml) throws PolicyBundleException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new PolicyBundleException(file, null, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PolicyBundleException(file, null, "cannot read: " + e.getMessage(), e);
        }
        YamlNode node = new YamlNode(file, "", root);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw node.error("the file is empty (expected a mapping)");
        }
        if (!root.isObject()) {
            throw node.error("expected a mapping of keys to values");
        }
        return node;
    }

    /** The file this node came from. */
    public String file() {
        return file;
    }

    /** This node's path in its file, e.g. {@code cases[3].input}; empty at the top. */
    public String path() {
        return path;
    }

    /** An error at this node: the message starts with the file and the path. */
    public PolicyBundleException error(String problem) {
        return new PolicyBundleException(file, null, path.isEmpty() ? problem : path + ": " + problem, null);
    }

    /** Checks that this node is a mapping whose keys are all in {@code allowed}; returns it. */
    public YamlNode keys(Set<String> allowed) throws PolicyBundleException {
        requireMapping();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw error("unknown key '" + key + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    /** The value of {@code key}, or empty when it is absent or null. */
    public Optional<YamlNode> get(String key) throws PolicyBundleException {
        requireMapping();
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(child(key, value));
    }

    /** The value of {@code key}; an error when it is absent. */
    public YamlNode required(String key) throws PolicyBundleException {
        return get(key).orElseThrow(() -> error("missing '" + key + "'"));
    }

    /** This node as a scalar's text; an error when it is a list or a mapping. */
    public String text() throws PolicyBundleException {
        if (!node.isValueNode()) {
            throw error("must be a single value, not a " + (node.isArray() ? "list" : "mapping"));
        }
        return node.asText();
    }

    /** The text of {@code key}, or empty when it is absent; blank text is an error. */
    public Optional<String> text(String key) throws PolicyBundleException {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().text();
        if (text.isBlank()) {
            throw value.get().error("must not be blank");
        }
        return Optional.of(text);
    }

    /** The text of {@code key}; an error when it is absent or blank. */
    public String requiredText(String key) throws PolicyBundleException {
        return text(key).orElseThrow(() -> error("missing '" + key + "'"));
    }

    /** The items of the list at {@code key}; empty when it is absent, an error when it is not a list. */
    public List<YamlNode> list(String key) throws PolicyBundleException {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        return value.get().items();
    }

    /** The items of this list; an error when it is not a list. */
    public List<YamlNode> items() throws PolicyBundleException {
        if (!node.isArray()) {
            throw error("must be a list");
        }
        List<YamlNode> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new YamlNode(file, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    /** The texts of the list at {@code key}; empty when it is absent. */
    public List<String> texts(String key) throws PolicyBundleException {
        List<String> texts = new ArrayList<>();
        for (YamlNode item : list(key)) {
            texts.add(item.text());
        }
        return texts;
    }

    /** The entries of this mapping, in file order; an error when it is not a mapping. */
    public Map<String, YamlNode> entries() throws PolicyBundleException {
        requireMapping();
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            entries.put(e.getKey(), child(e.getKey(), e.getValue()));
        }
        return entries;
    }

    /** The integer at {@code key} within [min, max], or empty when it is absent. */
    public OptionalLong integer(String key, long min, long max) throws PolicyBundleException {
        Optional<YamlNode> value = get(key);
        return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(value.get().integer(min, max));
    }

    /** This node as an integer within [min, max]. */
    public long integer(long min, long max) throws PolicyBundleException {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw error("must be an integer from " + min + " to " + max + ", not " + node);
        }
        return node.asLong();
    }

    /** The number at {@code key} within [min, max], or empty when it is absent. */
    public OptionalDouble number(String key, double min, double max) throws PolicyBundleException {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        JsonNode n = value.get().node;
        if (!n.isNumber() || !(n.asDouble() >= min && n.asDouble() <= max)) {
            throw value.get().error("must be a number from " + min + " to " + max + ", not " + n);
        }
        return OptionalDouble.of(n.asDouble());
    }

    /** The boolean at {@code key}, or empty when it is absent. */
    public Optional<Boolean> bool(String key) throws PolicyBundleException {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().node.isBoolean()) {
            throw value.get().error("must be true or false, not " + value.get().node);
        }
        return Optional.of(value.get().node.asBoolean());
    }

    /** The ISO-8601 instant at {@code key} (e.g. {@code 2026-03-01T12:00:00Z}), or empty when it is absent. */
    public Optional<Instant> instant(String key) throws PolicyBundleException {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw get(key).orElseThrow().error("must be an ISO-8601 UTC time like 2026-03-01T12:00:00Z, not '"
                    + text.get() + "'");
        }
    }

    /** Whether this node is a YAML boolean; unquoted {@code on}, {@code off}, {@code yes} and {@code no} are. */
    public boolean isBoolean() {
        return node.isBoolean();
    }

    /** Whether this node is a mapping. */
    public boolean isMapping() {
        return node.isObject();
    }

    private void requireMapping() throws PolicyBundleException {
        if (!node.isObject()) {
            throw error("must be a mapping of keys to values");
        }
    }

    private YamlNode child(String key, JsonNode value) {
        return new YamlNode(file, path.isEmpty() ? key : path + "." + key, value);
    }

    /** The underlying tree, for the rule reader shared with single-file bundles. */
    JsonNode tree() {
        return node;
    }
}
