package dev.parapet.control.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.control.policy.PolicyVersion;
import dev.parapet.control.policy.StoredBundle;
import dev.parapet.core.event.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The JSON shapes of policy versions in the control-plane API. */
final class PolicyViews {
    private PolicyViews() {
    }

    /** A version's record, as listed and as answered to a publish or rollback. */
    record Version(@JsonProperty("version") int version, @JsonProperty("parent_version") Integer parentVersion,
                   @JsonProperty("kind") String kind, @JsonProperty("rollback_of") Integer rollbackOf,
                   @JsonProperty("digest") String digest, @JsonProperty("key_id") String keyId,
                   @JsonProperty("author") String author, @JsonProperty("reason") String reason,
                   @JsonProperty("created_at") Instant createdAt, @JsonProperty("current") boolean current) {

        static Version of(PolicyVersion v, boolean current) {
            return new Version(v.version(), v.parentVersion().orElse(null), v.kind().wire(), v.rollbackOf().orElse(null),
                    v.digest(), v.keyId(), v.author(), v.reason(), v.createdAt(), current);
        }
    }

    /** The answer to a publish or rollback: the new version and every key that signed it. */
    record Published(@JsonProperty("version") int version, @JsonProperty("parent_version") Integer parentVersion,
                     @JsonProperty("kind") String kind, @JsonProperty("rollback_of") Integer rollbackOf,
                     @JsonProperty("digest") String digest, @JsonProperty("key_id") String keyId,
                     @JsonProperty("signed_by") List<String> signedBy, @JsonProperty("author") String author,
                     @JsonProperty("reason") String reason, @JsonProperty("created_at") Instant createdAt) {

        static Published of(PolicyVersion v, List<String> signedBy) {
            return new Published(v.version(), v.parentVersion().orElse(null), v.kind().wire(),
                    v.rollbackOf().orElse(null), v.digest(), v.keyId(), signedBy, v.author(), v.reason(), v.createdAt());
        }
    }

    /** A page of versions. */
    record Page(@JsonProperty("items") List<Version> items, @JsonProperty("next_cursor") String nextCursor) {
    }

    /** The files of a bundle, base64 by path, in path order. */
    static ObjectNode files(StoredBundle bundle) {
        ObjectNode files = EventJson.mapper().createObjectNode();
        for (String name : bundle.files().names()) {
            files.put(name, Base64.getEncoder().encodeToString(bundle.files().bytes(name)));
        }
        return files;
    }

    /** The {@code .signatures.json} document of a bundle, as a JSON object. */
    static JsonNode signatures(StoredBundle bundle) {
        try {
            return EventJson.mapper().readTree(bundle.signaturesFile());
        } catch (IOException e) {
            throw new UncheckedIOException("rendered signatures unreadable", e);
        }
    }
}
