package dev.parapet.policy;

import dev.parapet.core.Principal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code principals.yaml} ({@link PrincipalDirectory}). */
final class PrincipalDirectoryParser {

    static final String FILE = "principals.yaml";

    private static final Set<String> KEY_KEYS = Set.of("id", "hash", "principal", "kind", "role", "scopes",
            "attributes", "expires_at");
    private static final String ID = "an id (letters, digits, '.', '_' and '-', up to 64)";

    private PrincipalDirectoryParser() {
    }

    static PrincipalDirectory parse(byte[] yaml) throws PolicyBundleException {
        YamlNode root = YamlNode.parse(FILE, yaml).keys(Set.of("api_keys", "revoked"));
        List<PrincipalDirectory.ApiKey> keys = new ArrayList<>();
        for (YamlNode node : root.list("api_keys")) {
            keys.add(apiKey(node.keys(KEY_KEYS)));
        }
        Set<String> revoked = new LinkedHashSet<>();
        for (YamlNode node : root.list("revoked")) {
            if (!revoked.add(BundleNames.check(node, BundleNames.ID, node.text(), "a principal id"))) {
                throw node.error("principal " + node.text() + " is listed twice");
            }
        }
        try {
            return new PrincipalDirectory(keys, revoked);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private static PrincipalDirectory.ApiKey apiKey(YamlNode node) throws PolicyBundleException {
        Optional<String> id = node.text("id");
        if (id.isPresent()) {
            BundleNames.check(node.required("id"), BundleNames.ID, id.get(), ID);
        }
        String hash = node.requiredText("hash");
        if (!BundleNames.KEY_HASH.matcher(hash).matches()) {
            throw node.required("hash").error("is not an API-key hash: expected sha256: and 64 lower-case hex digits "
                    + "(the SHA-256 of the key, never the key itself)");
        }
        String principal = BundleNames.check(node.required("principal"), BundleNames.ID, node.requiredText("principal"), ID);
        String role = BundleNames.check(node.required("role"), BundleNames.ROLE, node.requiredText("role"),
                "a role (lower-case letters and '_', up to 32)");
        Set<String> scopes = new LinkedHashSet<>();
        for (YamlNode scope : node.list("scopes")) {
            scopes.add(BundleNames.check(scope, BundleNames.SCOPE, scope.text(), "a scope like chat or models:read"));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Optional<YamlNode> attrs = node.get("attributes");
        if (attrs.isPresent()) {
            for (Map.Entry<String, YamlNode> e : attrs.get().entries().entrySet()) {
                attributes.put(e.getKey(), e.getValue().text());
            }
        }
        try {
            return new PrincipalDirectory.ApiKey(id, hash, principal, kind(node), role, scopes, attributes,
                    node.instant("expires_at"));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Principal.Kind kind(YamlNode node) throws PolicyBundleException {
        String text = node.requiredText("kind");
        return switch (text) {
            case "user", "agent", "service" -> Principal.Kind.valueOf(text.toUpperCase(Locale.ROOT));
            default -> throw node.required("kind").error("unknown kind '" + text + "' (expected user, agent or service)");
        };
    }
}
