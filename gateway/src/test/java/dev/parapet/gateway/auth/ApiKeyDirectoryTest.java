package dev.parapet.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.Principal;
import dev.parapet.core.SecretHash;
import dev.parapet.gateway.GatewayConfig;
import dev.parapet.policy.PrincipalDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyDirectoryTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final ApiKeyDirectory keys = new ApiKeyDirectory(
            List.of(new GatewayConfig.ApiKey(SecretHash.of("pk_static"), "t1", "svc-static", "developer")), "t1");

    private static PrincipalDirectory.ApiKey bundleKey(String key, String principal, Optional<Instant> expiresAt) {
        return new PrincipalDirectory.ApiKey(Optional.empty(), SecretHash.of(key), principal, Principal.Kind.AGENT,
                "automation", Set.of(), Map.of("team", "ml"), expiresAt);
    }

    @Test
    void aKeyFromTheBundleAuthenticatesAsItsPrincipalInTheGatewaysTenant() {
        PrincipalDirectory bundle = new PrincipalDirectory(List.of(bundleKey("pk_bundle", "agent-7", Optional.empty())),
                Set.of());

        assertThat(keys.find("pk_bundle", bundle, NOW)).contains(
                new Principal("t1", "agent-7", Principal.Kind.AGENT, "automation", Map.of("team", "ml")));
        assertThat(keys.find("pk_static", bundle, NOW)).map(Principal::id).contains("svc-static");
        assertThat(keys.find("pk_unknown", bundle, NOW)).isEmpty();
    }

    @Test
    void anExpiredBundleKeyIsRefusedFromItsExpiryOn() {
        PrincipalDirectory bundle = new PrincipalDirectory(List.of(bundleKey("pk_bundle", "agent-7", Optional.of(NOW))),
                Set.of());

        assertThat(keys.find("pk_bundle", bundle, NOW.minusSeconds(1))).isPresent();
        assertThat(keys.find("pk_bundle", bundle, NOW)).isEmpty();
    }

    @Test
    void aRevokedPrincipalIsRefusedWhetherItsKeyIsInTheBundleOrTheConfiguration() {
        PrincipalDirectory bundle = new PrincipalDirectory(List.of(bundleKey("pk_bundle", "agent-7", Optional.empty())),
                Set.of("agent-7", "svc-static"));

        assertThat(keys.find("pk_bundle", bundle, NOW)).isEmpty();
        assertThat(keys.find("pk_static", bundle, NOW)).isEmpty();
    }

    @Test
    void theBundleDecidesPerCallSoASwapTakesEffectOnTheNextRequest() {
        PrincipalDirectory before = new PrincipalDirectory(List.of(bundleKey("pk_bundle", "agent-7", Optional.empty())),
                Set.of());
        PrincipalDirectory after = new PrincipalDirectory(List.of(), Set.of("svc-static"));

        assertThat(keys.find("pk_bundle", before, NOW)).isPresent();
        assertThat(keys.find("pk_bundle", after, NOW)).isEmpty();
        assertThat(keys.find("pk_static", after, NOW)).isEmpty();
        assertThat(keys.find("pk_bundle", before, NOW)).isPresent();
    }
}
