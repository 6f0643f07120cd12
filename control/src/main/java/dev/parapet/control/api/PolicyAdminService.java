package dev.parapet.control.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.control.policy.BundleDiff;
import dev.parapet.control.policy.BundleDiffer;
import dev.parapet.control.policy.BundleLifecycle;
import dev.parapet.control.policy.LifecycleOutcome;
import dev.parapet.control.policy.PolicyVersionStore;
import dev.parapet.control.policy.StoredBundle;
import dev.parapet.control.policy.Upload;
import dev.parapet.control.policy.VersionCursor;
import dev.parapet.control.policy.VersionPage;
import dev.parapet.control.provisioning.Caller;
import dev.parapet.core.event.EventJson;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SigningKey;
import dev.parapet.policy.signing.TrustedKey;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin API of policy bundle versions; the admin token decides the tenant and the author.
 *
 * <ul>
 *   <li>{@code POST /v1/policy/bundles} {@code {"files":{path:base64},"signatures":{…}?,"reason":"…"?}}:
 *       validate, sign and store the next version; 201, 400 {@code invalid_bundle}, 409 {@code no_change}</li>
 *   <li>{@code GET /v1/policy/bundles}: versions newest first ({@code limit}, {@code cursor})</li>
 *   <li>{@code GET /v1/policy/bundles/{version}}: one version with its files and signatures</li>
 *   <li>{@code GET /v1/policy/bundles/{from}/diff/{to}}: files, rules and manifest fields that differ</li>
 *   <li>{@code POST /v1/policy/rollback} {@code {"version":3,"reason":"…"}}: republish version 3's content</li>
 *   <li>{@code GET /v1/policy/signing-key}: the public key gateways must trust</li>
 * </ul>
 */
public final class PolicyAdminService implements HttpService {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_REASON_LENGTH = 1_000;
    private static final Set<String> PUBLISH_FIELDS = Set.of("files", "signatures", "reason");
    private static final Set<String> ROLLBACK_FIELDS = Set.of("version", "reason");

    private final BearerAuth admins;
    private final PolicyVersionStore store;
    private final BundleLifecycle lifecycle;
    private final long maxBodyBytes;

    public PolicyAdminService(BearerAuth admins, PolicyVersionStore store, BundleLifecycle lifecycle, long maxBodyBytes) {
        this.admins = admins;
        this.store = store;
        this.lifecycle = lifecycle;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/policy/bundles", this::publish)
                .get("/v1/policy/bundles", this::list)
                .get("/v1/policy/bundles/{version}", this::show)
                .get("/v1/policy/bundles/{from}/diff/{to}", this::diff)
                .post("/v1/policy/rollback", this::rollback)
                .get("/v1/policy/signing-key", this::signingKey);
    }

    private void publish(ServerRequest req, ServerResponse res) throws SQLException {
        Caller caller = admins.callerOf(req);
        ObjectNode body = JsonRequests.object(req, maxBodyBytes, PUBLISH_FIELDS);
        Map<String, byte[]> files = files(body.get("files"));
        Optional<byte[]> signatures = signatures(body.get("signatures"));
        byte[] signaturesAsFile = files.remove(BundleFiles.SIGNATURES_FILE);
        if (signaturesAsFile != null) {
            if (signatures.isPresent()) {
                throw malformed("Send the signatures once: as 'signatures' or as files['" + BundleFiles.SIGNATURES_FILE
                        + "'], not both.");
            }
            signatures = Optional.of(signaturesAsFile);
        }
        Upload upload = new Upload(files, signatures, reason(body.get("reason"), false));
        answer(res, lifecycle.publish(caller.tenantId(), caller.actor(), upload));
    }

    private void rollback(ServerRequest req, ServerResponse res) throws SQLException {
        Caller caller = admins.callerOf(req);
        ObjectNode body = JsonRequests.object(req, maxBodyBytes, ROLLBACK_FIELDS);
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 1) {
            throw malformed("version must be a positive integer.");
        }
        String reason = reason(body.get("reason"), true).orElseThrow();
        answer(res, lifecycle.rollback(caller.tenantId(), caller.actor(), version.asInt(), reason));
    }

    private void answer(ServerResponse res, LifecycleOutcome outcome) {
        switch (outcome) {
            case LifecycleOutcome.Published p -> {
                res.header(HeaderNames.LOCATION, "/v1/policy/bundles/" + p.version().version());
                JsonResponses.send(res, Status.CREATED_201, PolicyViews.Published.of(p.version(), p.signedBy()));
            }
            case LifecycleOutcome.Unchanged u -> throw new ApiException(ErrorCode.NO_CHANGE,
                    "The current version " + u.head().version() + " already holds this content (" + u.head().digest()
                            + "); nothing was published.",
                    Map.of("current_version", Integer.toString(u.head().version()), "digest", u.head().digest()));
            case LifecycleOutcome.Invalid i -> throw new ApiException(ErrorCode.INVALID_BUNDLE, i.message(),
                    i.file().map(f -> Map.of("file", f)).orElse(Map.of()));
            case LifecycleOutcome.NoSigningKey n -> throw noSigningKey();
            case LifecycleOutcome.UnknownVersion u -> throw new ApiException(ErrorCode.NOT_FOUND,
                    "There is no version " + u.version() + ".");
        }
    }

    private void list(ServerRequest req, ServerResponse res) throws SQLException {
        String tenantId = admins.tenantOf(req);
        Parameters query = req.query();
        int limit = QueryParameters.single(query, "limit")
                .map(v -> QueryParameters.integer("limit", v, 1, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
        Optional<VersionCursor> cursor;
        try {
            cursor = QueryParameters.single(query, "cursor").map(VersionCursor::decode);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "cursor is not one this server issued.");
        }
        VersionPage page = store.page(tenantId, limit, cursor);
        List<PolicyViews.Version> items = page.items().stream()
                .map(v -> PolicyViews.Version.of(v, page.current().filter(c -> c == v.version()).isPresent()))
                .toList();
        JsonResponses.send(res, Status.OK_200, new PolicyViews.Page(items, page.next().map(VersionCursor::encode).orElse(null)));
    }

    private void show(ServerRequest req, ServerResponse res) throws SQLException {
        String tenantId = admins.tenantOf(req);
        StoredBundle bundle = load(tenantId, versionParameter(req, "version"));
        boolean current = store.head(tenantId).filter(h -> h.version() == bundle.version().version()).isPresent();
        ObjectNode body = EventJson.mapper().valueToTree(PolicyViews.Version.of(bundle.version(), current));
        body.set("files", PolicyViews.files(bundle));
        body.set("signatures", PolicyViews.signatures(bundle));
        JsonResponses.send(res, Status.OK_200, body);
    }

    private void diff(ServerRequest req, ServerResponse res) throws SQLException {
        String tenantId = admins.tenantOf(req);
        StoredBundle from = load(tenantId, versionParameter(req, "from"));
        StoredBundle to = load(tenantId, versionParameter(req, "to"));
        BundleDiff diff = BundleDiffer.diff(from.files(), to.files());
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.putObject("from").put("version", from.version().version()).put("digest", from.version().digest());
        body.putObject("to").put("version", to.version().version()).put("digest", to.version().digest());
        body.setAll((ObjectNode) EventJson.mapper().valueToTree(diff));
        JsonResponses.send(res, Status.OK_200, body);
    }

    private void signingKey(ServerRequest req, ServerResponse res) {
        admins.tenantOf(req);
        SigningKey key = lifecycle.signingKey().orElseThrow(PolicyAdminService::noSigningKey);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("key_id", key.keyId());
        body.put("algorithm", TrustedKey.ALGORITHM);
        body.put("public_key_pem", PemKeys.publicKeyPem(key.publicKey()));
        JsonResponses.send(res, Status.OK_200, body);
    }

    private StoredBundle load(String tenantId, int version) throws SQLException {
        return store.load(tenantId, version).orElseThrow(
                () -> new ApiException(ErrorCode.NOT_FOUND, "There is no version " + version + "."));
    }

    private static int versionParameter(ServerRequest req, String name) {
        return QueryParameters.integer(name, req.path().pathParameters().get(name), 1, Integer.MAX_VALUE);
    }

    /** The {@code files} member of an upload: bundle path → decoded bytes; 400 when malformed. */
    static Map<String, byte[]> files(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw malformed("files must be a non-empty object of bundle path to base64 content.");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> file : node.properties()) {
            if (!file.getValue().isTextual()) {
                throw malformed("files['" + file.getKey() + "'] must be a base64 string.");
            }
            try {
                files.put(file.getKey(), Base64.getDecoder().decode(file.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw malformed("files['" + file.getKey() + "'] is not base64 (RFC 4648, with padding).");
            }
        }
        return files;
    }

    private static Optional<byte[]> signatures(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw malformed("signatures must be the " + BundleFiles.SIGNATURES_FILE + " document, a JSON object.");
        }
        try {
            return Optional.of(EventJson.mapper().writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree is not serialisable", e);
        }
    }

    private static Optional<String> reason(JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw malformed("reason is required: say why.");
            }
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_REASON_LENGTH) {
            throw malformed("reason must be a non-blank string of at most " + MAX_REASON_LENGTH + " characters.");
        }
        return Optional.of(node.asText().strip());
    }

    private static ApiException noSigningKey() {
        return new ApiException(ErrorCode.NO_SIGNING_KEY, "This control plane has no bundle-signing key "
                + "(set control.signing_key to an Ed25519 private key file), so it does not publish.");
    }

    private static ApiException malformed(String detail) {
        return new ApiException(ErrorCode.MALFORMED_REQUEST, detail);
    }
}
