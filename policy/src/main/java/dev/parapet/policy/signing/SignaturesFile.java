package dev.parapet.policy.signing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes {@code .signatures.json}, the file at the top of a bundle directory that holds
 * its signatures (format documented in {@code docs/policy-signing.md}):
 *
 * <pre>{@code
 * {
 *   "format": "parapet.signatures/v1",
 *   "signatures": [
 *     {
 *       "key_id": "3f9a0c1d2e4b5a6c",
 *       "algorithm": "Ed25519",
 *       "bundle_digest": "sha256:…",
 *       "signed_at": "2026-01-05T10:00:00Z",
 *       "files": { "manifest.yaml": "<hex sha-256>", "rules/pii.yaml": "<hex sha-256>" },
 *       "signature": "<base64 Ed25519 signature of the canonical manifest of files>"
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>Parsing is strict, since the file arrives with the bundle: unknown or duplicate fields, a
 * second signature by the same key, an unknown format or more than {@value #MAX_SIGNATURES}
 * signatures are refused. Writing is deterministic: the same signatures give the same bytes.
 */
public final class SignaturesFile {

    /** The value of the {@code format} field this version reads and writes. */
    public static final String FORMAT = "parapet.signatures/v1";

    /** The largest signatures file read. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** The most signatures one bundle may carry. */
    public static final int MAX_SIGNATURES = 16;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final Set<String> TOP_FIELDS = Set.of("format", "signatures");
    private static final Set<String> ENTRY_FIELDS = Set.of("key_id", "algorithm", "bundle_digest", "signed_at", "files",
            "signature");

    private SignaturesFile() {
    }

    /** The signatures in a signatures file, in file order. */
    public static List<BundleSignature> parse(byte[] json) throws SignaturesFileException {
        if (json.length > MAX_BYTES) {
            throw new SignaturesFileException("larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new SignaturesFileException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SignaturesFileException("not readable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SignaturesFileException("not a JSON object");
        }
        checkFields(root, TOP_FIELDS, "");
        String format = text(root, "format", "");
        if (!format.equals(FORMAT)) {
            throw new SignaturesFileException("format '" + format + "' is not supported (expected " + FORMAT + ")");
        }
        JsonNode list = root.get("signatures");
        if (list == null || !list.isArray()) {
            throw new SignaturesFileException("signatures: missing or not a list");
        }
        if (list.size() > MAX_SIGNATURES) {
            throw new SignaturesFileException("more than " + MAX_SIGNATURES + " signatures");
        }
        List<BundleSignature> signatures = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            BundleSignature signature = entry(list.get(i), "signatures[" + i + "]");
            if (!keyIds.add(signature.keyId())) {
                throw new SignaturesFileException("signatures[" + i + "]: a second signature by key " + signature.keyId());
            }
            signatures.add(signature);
        }
        return List.copyOf(signatures);
    }

    /** The signatures file holding {@code signatures}, in order, as UTF-8 JSON ending in a newline. */
    public static byte[] render(List<BundleSignature> signatures) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("signatures");
        for (BundleSignature s : signatures) {
            ObjectNode entry = list.addObject();
            entry.put("key_id", s.keyId());
            entry.put("algorithm", s.algorithm());
            entry.put("bundle_digest", s.bundleDigest());
            entry.put("signed_at", s.signedAt().toString());
            ObjectNode files = entry.putObject("files");
            s.files().forEach(files::put);
            entry.put("signature", s.signature());
        }
        try {
            String text = JSON.writeValueAsString(root) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("signatures not serialisable", e);
        }
    }

    private static BundleSignature entry(JsonNode node, String where) throws SignaturesFileException {
        if (!node.isObject()) {
            throw new SignaturesFileException(where + ": not a JSON object");
        }
        checkFields(node, ENTRY_FIELDS, where + ".");
        JsonNode filesNode = node.get("files");
        if (filesNode == null || !filesNode.isObject()) {
            throw new SignaturesFileException(where + ".files: missing or not an object of path to hex digest");
        }
        TreeMap<String, String> files = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : filesNode.properties()) {
            if (!e.getValue().isTextual()) {
                throw new SignaturesFileException(where + ".files: the digest of '" + e.getKey() + "' is not a string");
            }
            files.put(e.getKey(), e.getValue().asText());
        }
        String signedAt = text(node, "signed_at", where + ".");
        try {
            return new BundleSignature(text(node, "key_id", where + "."), text(node, "algorithm", where + "."), files,
                    text(node, "bundle_digest", where + "."), Instant.parse(signedAt), text(node, "signature", where + "."));
        } catch (DateTimeParseException e) {
            throw new SignaturesFileException(where + ".signed_at: '" + signedAt + "' is not an ISO-8601 UTC time", e);
        } catch (IllegalArgumentException e) {
            throw new SignaturesFileException(where + "." + e.getMessage(), e);
        }
    }

    private static void checkFields(JsonNode node, Set<String> known, String where) throws SignaturesFileException {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                throw new SignaturesFileException(where + name + ": unknown field");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) throws SignaturesFileException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new SignaturesFileException(where + field + ": missing or not a string");
        }
        return value.asText();
    }
}
