package dev.parapet.control.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is recorded about one immutable version of a tenant's policy bundle (its files aside).
 *
 * @param tenantId      the tenant
 * @param version       1, 2, 3 … per tenant, in publishing order
 * @param parentVersion the tenant's current version when this one was published; empty for the first
 * @param kind          an upload, or a rollback
 * @param rollbackOf    for a rollback, the version whose content this one repeats
 * @param digest        the bundle digest ({@code sha256:…}) of the files
 * @param keyId         the control plane's signing key that signed this version
 * @param author        who published it (the admin token's actor)
 * @param reason        why, as given by the author
 * @param createdAt     when it was committed
 */
public record PolicyVersion(String tenantId, int version, Optional<Integer> parentVersion, VersionKind kind,
                            Optional<Integer> rollbackOf, String digest, String keyId, String author, String reason,
                            Instant createdAt) {
    public PolicyVersion {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(parentVersion, "parentVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rollbackOf, "rollbackOf");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive: " + version);
        }
    }
}
