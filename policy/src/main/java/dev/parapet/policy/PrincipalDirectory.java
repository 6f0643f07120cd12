package dev.parapet.policy;

import dev.parapet.core.Principal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the gateway for the bundle's tenant ({@code principals.yaml}): API keys, by hash,
 * with the principal each authenticates, and the ids of revoked principals. A gateway can thus
 * authenticate and revoke offline, from the last bundle it verified. The directory never holds
 * a key, only its {@link dev.parapet.core.SecretHash}.
 *
 * @param apiKeys the API keys, hashes unique
 * @param revoked the ids of principals refused whatever key they present
 */
public record PrincipalDirectory(List<ApiKey> apiKeys, Set<String> revoked) {

    /** No keys and no revocations. */
    public static final PrincipalDirectory EMPTY = new PrincipalDirectory(List.of(), Set.of());

    /** Copies the collections and refuses a hash or key id listed twice. */
    public PrincipalDirectory {
        apiKeys = List.copyOf(apiKeys);
        revoked = Set.copyOf(revoked);
        Map<String, ApiKey> byHash = new HashMap<>();
        Map<String, ApiKey> byId = new HashMap<>();
        for (ApiKey key : apiKeys) {
            if (byHash.putIfAbsent(key.hash(), key) != null) {
                throw new IllegalArgumentException("API-key hash " + key.hash() + " is listed twice");
            }
            if (key.id().isPresent() && byId.putIfAbsent(key.id().get(), key) != null) {
                throw new IllegalArgumentException("API-key id " + key.id().get() + " is listed twice");
            }
        }
    }

    /**
     * The key with this hash that is usable at {@code now}: listed, not expired, and not held by
     * a revoked principal.
     */
    public Optional<ApiKey> usableKey(String hash, Instant now) {
        for (ApiKey key : apiKeys) {
            if (key.hash().equals(hash)) {
                boolean expired = key.expiresAt().isPresent() && !now.isBefore(key.expiresAt().get());
                return expired || revoked.contains(key.principal()) ? Optional.empty() : Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /**
     * One API key.
     *
     * @param id         a stable id of the key for people and events, if given
     * @param hash       {@code sha256:} and the lower-case hex SHA-256 of the key
     * @param principal  the id of the principal the key authenticates
     * @param kind       user, agent or service
     * @param role       the principal's role, as rules see it
     * @param scopes     what the key may be used for (e.g. {@code chat}); empty for anything
     * @param attributes further attributes rules may test; never secrets
     * @param expiresAt  when the key stops working, if it does
     */
    public record ApiKey(Optional<String> id, String hash, String principal, Principal.Kind kind, String role,
                         Set<String> scopes, Map<String, String> attributes, Optional<Instant> expiresAt) {

        /** Checks for nulls, the hash's shape, and that the kind is not anonymous. */
        public ApiKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (hash == null || !BundleNames.KEY_HASH.matcher(hash).matches()) {
                throw new IllegalArgumentException("an API-key hash must be sha256: and 64 lower-case hex digits");
            }
            if (kind == Principal.Kind.ANONYMOUS) {
                throw new IllegalArgumentException("an API key cannot authenticate an anonymous principal");
            }
            scopes = Set.copyOf(scopes);
            attributes = Map.copyOf(attributes);
        }

        /** The principal this key authenticates, in {@code tenant}. */
        public Principal toPrincipal(String tenant) {
            return new Principal(tenant, principal, kind, role, attributes);
        }
    }
}
