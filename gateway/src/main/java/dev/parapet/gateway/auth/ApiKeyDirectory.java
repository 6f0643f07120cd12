package dev.parapet.gateway.auth;

import dev.parapet.core.Principal;
import dev.parapet.core.SecretHash;
import dev.parapet.gateway.GatewayConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys this gateway accepts, held as hashes. A presented key is hashed once and looked up;
 * the plaintext is never stored or logged.
 */
public final class ApiKeyDirectory {
    private final Map<String, Principal> byHash;

    public ApiKeyDirectory(List<GatewayConfig.ApiKey> keys) {
        Map<String, Principal> map = new HashMap<>();
        for (GatewayConfig.ApiKey k : keys) {
            map.put(k.keyHash(), new Principal(k.tenantId(), k.principalId(), Principal.Kind.SERVICE, k.role(), Map.of()));
        }
        this.byHash = Map.copyOf(map);
    }

    /** The principal a presented key stands for, if the key is known. */
    public Optional<Principal> find(String presentedKey) {
        return Optional.ofNullable(byHash.get(SecretHash.of(presentedKey)));
    }

    public int size() {
        return byHash.size();
    }
}
