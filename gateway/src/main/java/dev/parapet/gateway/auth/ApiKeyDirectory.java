package dev.parapet.gateway.auth;

import dev.parapet.core.Principal;
import dev.parapet.core.SecretHash;
import dev.parapet.gateway.GatewayConfig;
import dev.parapet.policy.PrincipalDirectory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys this gateway accepts, held as hashes: those of the active bundle's
 * {@code principals.yaml}, then those of the gateway's configuration. A presented key is hashed
 * once and looked up; the plaintext is never stored or logged.
 *
 * <p>The bundle decides: a key it lists is accepted only while unexpired and not held by a revoked
 * principal (as {@link PrincipalDirectory#usableKey}), and a configured key whose principal the
 * bundle revokes is refused. The bundle is passed in per request, so a swap takes effect for the
 * next request and never half-way through one. Thread-safe.
 */
public final class ApiKeyDirectory {
    private final Map<String, Principal> configured;
    private final String tenant;
    private volatile Index index = new Index(PrincipalDirectory.EMPTY, Map.of());

    /** The bundle's keys by hash, built once per bundle rather than scanned per request. */
    private record Index(PrincipalDirectory directory, Map<String, PrincipalDirectory.ApiKey> byHash) {
        static Index of(PrincipalDirectory directory) {
            Map<String, PrincipalDirectory.ApiKey> map = new HashMap<>();
            directory.apiKeys().forEach(k -> map.put(k.hash(), k));
            return new Index(directory, Map.copyOf(map));
        }
    }

    /**
     * @param keys   the keys of the gateway's configuration
     * @param tenant the gateway's tenant, which the bundle's keys belong to
     */
    public ApiKeyDirectory(List<GatewayConfig.ApiKey> keys, String tenant) {
        Map<String, Principal> map = new HashMap<>();
        for (GatewayConfig.ApiKey k : keys) {
            map.put(k.keyHash(), new Principal(k.tenantId(), k.principalId(), Principal.Kind.SERVICE, k.role(), Map.of()));
        }
        this.configured = Map.copyOf(map);
        this.tenant = tenant;
    }

    /**
     * The principal a presented key stands for, if the key is known and usable at {@code now}.
     *
     * @param bundle the principals of the bundle deciding this request
     */
    public Optional<Principal> find(String presentedKey, PrincipalDirectory bundle, Instant now) {
        String hash = SecretHash.of(presentedKey);
        PrincipalDirectory.ApiKey listed = indexOf(bundle).get(hash);
        if (listed != null) {
            boolean expired = listed.expiresAt().isPresent() && !now.isBefore(listed.expiresAt().get());
            return expired || bundle.revoked().contains(listed.principal())
                    ? Optional.empty() : Optional.of(listed.toPrincipal(tenant));
        }
        Principal principal = configured.get(hash);
        return principal == null || bundle.revoked().contains(principal.id()) ? Optional.empty() : Optional.of(principal);
    }

    private Map<String, PrincipalDirectory.ApiKey> indexOf(PrincipalDirectory directory) {
        Index current = index;
        if (current.directory() != directory) {
            current = Index.of(directory);
            index = current;
        }
        return current.byHash();
    }

    /** How many keys the configuration holds. */
    public int size() {
        return configured.size();
    }
}
