package dev.parapet.control.policy;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.BundleSignature;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A version to append to a tenant's history, already validated and signed.
 *
 * @param tenantId   the tenant
 * @param kind       publish or rollback
 * @param rollbackOf for a rollback, the version whose content it repeats
 * @param files      the bundle's files
 * @param signatures its signatures, the control plane's (by {@code keyId}) among them
 * @param keyId      the control plane's signing key
 * @param author     who asked for it
 * @param reason     why
 */
public record NewVersion(String tenantId, VersionKind kind, Optional<Integer> rollbackOf, BundleFiles files,
                         List<BundleSignature> signatures, String keyId, String author, String reason) {
    public NewVersion {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rollbackOf, "rollbackOf");
        Objects.requireNonNull(files, "files");
        signatures = List.copyOf(signatures);
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reason, "reason");
        if ((kind == VersionKind.ROLLBACK) != rollbackOf.isPresent()) {
            throw new IllegalArgumentException("a rollback, and only a rollback, names the version it repeats");
        }
        if (signatures.stream().noneMatch(s -> s.keyId().equals(keyId) && s.covers(files))) {
            throw new IllegalArgumentException("the version must carry key " + keyId + "'s signature over its files");
        }
    }
}
