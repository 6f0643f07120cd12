package dev.parapet.policy;

import dev.parapet.core.Action;

import java.util.Optional;
import java.util.Set;

/** Reads {@code manifest.yaml}, the header of a bundle directory ({@link PolicyManifest}). */
final class ManifestParser {

    static final String FILE = "manifest.yaml";

    private static final Set<String> KEYS = Set.of("tenant", "name", "version", "parent_version", "created_by",
            "created_at", "message", "on_error", "default_action");

    private ManifestParser() {
    }

    static PolicyManifest parse(byte[] yaml) throws PolicyBundleException {
        YamlNode root = YamlNode.parse(FILE, yaml).keys(KEYS);
        Optional<String> tenant = root.text("tenant");
        if (tenant.isPresent()) {
            BundleNames.check(root.required("tenant"), BundleNames.ID, tenant.get(),
                    "a tenant id (letters, digits, '.', '_' and '-', up to 64)");
        }
        OnError onError = OnError.FAIL_CLOSED;
        Optional<String> onErrorText = root.text("on_error");
        if (onErrorText.isPresent()) {
            try {
                onError = OnError.fromWireName(onErrorText.get());
            } catch (IllegalArgumentException e) {
                throw root.required("on_error").error(e.getMessage());
            }
        }
        Action defaultAction = Action.ALLOW;
        Optional<String> defaultText = root.text("default_action");
        if (defaultText.isPresent()) {
            try {
                defaultAction = Action.fromWireName(defaultText.get());
            } catch (IllegalArgumentException e) {
                throw root.required("default_action").error(e.getMessage());
            }
        }
        try {
            return new PolicyManifest(tenant, root.requiredText("name"), root.requiredText("version"),
                    root.text("parent_version"), root.text("created_by"), root.instant("created_at"),
                    root.text("message"), onError, defaultAction);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }
}
