package dev.parapet.gateway.bundles;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundleException;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the control plane's bundle document, the body of a 200 to {@code GET /v1/gateway/bundle}:
 * <pre>{@code
 * {"tenant": "t1", "version": 7, "digest": "sha256:…",
 *  "files": {"manifest.yaml": "<base64>", "rules/10-pii.yaml": "<base64>"},
 *  "signatures": <the bundle's .signatures.json document, as a JSON object>}
 * }</pre>
 * {@code signatures} may be absent or null for an unsigned bundle. Parsing is strict about shape
 * (duplicate keys, wrong types, bad base64) and says nothing about trust: that is
 * {@link BundleAdmission}'s job.
 */
final class BundleDocument {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private BundleDocument() {
    }

    /**
     * The bundle in {@code body}, or why it is unusable.
     *
     * @param etag the answer's {@code ETag} header, if any; it must name the body's digest
     */
    static Poll parse(byte[] body, Optional<String> etag) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return unusable(RefusalReason.MALFORMED_RESPONSE, "not valid JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            return unusable(RefusalReason.MALFORMED_RESPONSE, "unreadable: " + e.getMessage(), null);
        }
        if (root == null || !root.isObject()) {
            return unusable(RefusalReason.MALFORMED_RESPONSE, "not a JSON object", null);
        }
        if (!root.path("digest").isTextual() || !root.path("tenant").isTextual()
                || !isLong(root.path("version")) || !root.path("files").isObject()) {
            return unusable(RefusalReason.MALFORMED_RESPONSE,
                    "needs tenant (string), version (integer), digest (string) and files (object)", root);
        }
        String digest = root.get("digest").asText();
        if (etag.isPresent() && !unquote(etag.get()).equals(digest)) {
            return unusable(RefusalReason.DIGEST_MISMATCH, "ETag " + etag.get() + " does not name the body's digest "
                    + digest, root);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> file : root.get("files").properties()) {
            if (!file.getValue().isTextual()) {
                return unusable(RefusalReason.MALFORMED_RESPONSE, "files." + file.getKey() + " is not a base64 string", root);
            }
            try {
                files.put(file.getKey(), Base64.getDecoder().decode(file.getValue().asText()));
            } catch (IllegalArgumentException e) {
                return unusable(RefusalReason.MALFORMED_RESPONSE, "files." + file.getKey() + " is not valid base64", root);
            }
        }
        BundleFiles bundle;
        try {
            bundle = BundleFiles.of(files);
        } catch (PolicyBundleException e) {
            return unusable(RefusalReason.INVALID_BUNDLE, e.getMessage(), root);
        }
        JsonNode signatures = root.path("signatures");
        Optional<byte[]> signatureBytes;
        if (signatures.isMissingNode() || signatures.isNull()) {
            signatureBytes = Optional.empty();
        } else if (signatures.isObject()) {
            try {
                signatureBytes = Optional.of(JSON.writeValueAsBytes(signatures));
            } catch (JacksonException e) {
                return unusable(RefusalReason.MALFORMED_RESPONSE, "signatures cannot be re-encoded", root);
            }
        } else {
            return unusable(RefusalReason.MALFORMED_RESPONSE, "signatures is not a JSON object", root);
        }
        return new Poll.Changed(new BundleCandidate(bundle, signatureBytes, Optional.of(digest),
                Optional.of(root.get("tenant").asText()), OptionalLong.of(root.get("version").asLong())));
    }

    private static boolean isLong(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong();
    }

    /** {@code "sha256:…"} or {@code W/"sha256:…"} to {@code sha256:…}. */
    static String unquote(String etag) {
        String e = etag.strip();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    private static Poll unusable(RefusalReason reason, String detail, JsonNode root) {
        Optional<String> digest = root != null && root.path("digest").isTextual()
                ? Optional.of(root.get("digest").asText()) : Optional.empty();
        OptionalLong version = root != null && isLong(root.path("version"))
                ? OptionalLong.of(root.get("version").asLong()) : OptionalLong.empty();
        return new Poll.Unusable(reason, detail, digest, version);
    }
}
