package dev.parapet.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.core.Severity;
import dev.parapet.detect.scan.ScanPattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A versioned set of signatures, loaded from YAML: an index naming the pack's version and its
 * family files,
 * <pre>
 * version: 2026.11.0
 * files: [signatures/instruction-override.yaml, ...]
 * </pre>
 * and per family file a {@code signatures} list whose entries carry {@code id}, {@code type},
 * {@code severity}, {@code confidence}, {@code owasp}, {@code atlas}, {@code description},
 * {@code pattern}, {@code example} and optionally {@code spans: hyperscan} (compact patterns
 * whose start Hyperscan can report itself). Loading validates every field and that ids are
 * unique across the pack; errors name the file and the signature id.
 *
 * @param version    the pack's version
 * @param signatures its signatures, in file order
 */
record InjectionSignaturePack(String version, List<InjectionSignature> signatures) {

    static final String DEFAULT_RESOURCE = "injection-signatures.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    InjectionSignaturePack {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("signature pack: missing 'version'");
        }
        signatures = List.copyOf(signatures);
        Set<String> ids = new HashSet<>();
        for (InjectionSignature s : signatures) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("signature " + s.id() + ": duplicate id");
            }
        }
    }

    /** The pack shipped with Parapet. */
    static InjectionSignaturePack defaults() {
        return load(DEFAULT_RESOURCE, InjectionSignaturePack::resource);
    }

    /**
     * Loads a pack from its index.
     *
     * @param index  the name of the index file
     * @param reader reads a file of the pack by name (the index, then each family file)
     */
    static InjectionSignaturePack load(String index, Function<String, byte[]> reader) {
        JsonNode root = read(index, reader);
        JsonNode files = root.path("files");
        if (!files.isArray() || files.isEmpty()) {
            throw new IllegalArgumentException(index + ": expected a non-empty 'files' list");
        }
        List<InjectionSignature> signatures = new ArrayList<>();
        for (JsonNode file : files) {
            signatures.addAll(parseFamily(file.asText(), read(file.asText(), reader)));
        }
        return new InjectionSignaturePack(root.path("version").asText(""), signatures);
    }

    static List<InjectionSignature> parseFamily(String file, JsonNode root) {
        JsonNode list = root.get("signatures");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(file + ": expected a 'signatures' list");
        }
        List<InjectionSignature> out = new ArrayList<>();
        for (JsonNode node : list) {
            String id = node.path("id").asText("?");
            try {
                out.add(new InjectionSignature(id, text(node, "type"),
                        severity(node),
                        node.path("confidence").asDouble(-1), text(node, "owasp"), text(node, "atlas"),
                        text(node, "description"), text(node, "pattern"),
                        "hyperscan".equals(node.path("spans").asText()) ? ScanPattern.Spans.HYPERSCAN : ScanPattern.Spans.CONFIRMED,
                        text(node, "example")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage().replaceFirst("^(?!signature )", "signature " + id + ": "), e);
            }
        }
        return out;
    }

    private static Severity severity(JsonNode node) {
        String value = text(node, "severity");
        for (Severity severity : Severity.values()) {
            if (severity.name().equalsIgnoreCase(value)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity " + value + " is not one of low, medium, high, critical");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() ? null : value.asText();
    }

    private static JsonNode read(String name, Function<String, byte[]> reader) {
        try {
            JsonNode root = YAML.readTree(reader.apply(name));
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(name + ": expected a YAML mapping");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = InjectionSignaturePack.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
