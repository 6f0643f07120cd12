package dev.parapet.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gateway needs to start; passed in, never read from globals.
 *
 * @param host            address to listen on (default loopback)
 * @param port            port to listen on; 0 picks a free one
 * @param gatewayId       this instance's id, recorded in every event
 * @param tenantId        the tenant this gateway serves; refusals before authentication are recorded under it
 * @param maxBodyBytes    the largest request body accepted (413 above it)
 * @param upstreams       where models are served; the first whose model list matches wins
 * @param apiKeys         the client API keys, by hash
 * @param control         where events are delivered, or empty to keep them in the spool only
 * @param spoolDir        the directory of the durable event spool
 * @param policyBundle    a policy bundle file, or empty for the built-in default bundle
 * @param redactionKey    the secret key of {@code hash}-mode redaction (at least 32 bytes); keep it
 *                        stable so equal values keep hashing alike
 * @param shutdownGrace   how long in-flight requests may take to finish on shutdown
 */
public record GatewayConfig(String host, int port, String gatewayId, String tenantId, long maxBodyBytes,
                            List<Upstream> upstreams, List<ApiKey> apiKeys, Optional<ControlLink> control,
                            Path spoolDir, Optional<Path> policyBundle, byte[] redactionKey, Duration shutdownGrace) {

    public GatewayConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(spoolDir, "spoolDir");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        upstreams = List.copyOf(upstreams);
        apiKeys = List.copyOf(apiKeys);
        if (redactionKey == null || redactionKey.length < 32) {
            throw new IllegalArgumentException("redactionKey needs at least 32 bytes");
        }
        redactionKey = redactionKey.clone();
    }

    /** A copy of the redaction key. */
    @Override
    public byte[] redactionKey() {
        return redactionKey.clone();
    }

    /**
     * A provider endpoint that serves some models.
     *
     * @param name           a name for logs and metrics
     * @param baseUrl        the base URL, up to and including {@code /v1}
     * @param apiKey         the credential sent upstream (never the client's), or empty
     * @param models         model names served here; {@code *} matches any
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout    how long to wait for the response headers
     */
    public record Upstream(String name, URI baseUrl, Optional<String> apiKey, List<String> models,
                           Duration connectTimeout, Duration readTimeout) {
        public Upstream {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseUrl, "baseUrl");
            models = List.copyOf(models);
        }

        public boolean serves(String model) {
            return models.contains("*") || models.contains(model);
        }
    }

    /**
     * A client API key, known to the gateway only by its hash.
     *
     * @param keyHash     {@code SecretHash.of(key)}
     * @param tenantId    the key's tenant
     * @param principalId the identity the key stands for
     * @param role        the role policies see
     */
    public record ApiKey(String keyHash, String tenantId, String principalId, String role) {
    }

    /**
     * The control plane this gateway reports to.
     *
     * @param url           the control plane's base URL
     * @param gatewayToken  the bearer credential that identifies this gateway to it
     * @param flushInterval how often spooled events are delivered
     */
    public record ControlLink(URI url, String gatewayToken, Duration flushInterval) {
    }
}
