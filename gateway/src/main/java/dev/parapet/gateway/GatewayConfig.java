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
 * @param policyBundle    a policy bundle directory or single file, or empty for the built-in default
 *                        bundle; with a control plane, the bundle enforced until one arrives from it
 * @param redactionKey    the secret key of {@code hash}-mode redaction (at least 32 bytes); keep it
 *                        stable so equal values keep hashing alike
 * @param shutdownGrace   how long in-flight requests may take to finish on shutdown
 * @param bundles         how signed bundles are trusted, fetched and kept
 */
public record GatewayConfig(String host, int port, String gatewayId, String tenantId, long maxBodyBytes,
                            List<Upstream> upstreams, List<ApiKey> apiKeys, Optional<ControlLink> control,
                            Path spoolDir, Optional<Path> policyBundle, byte[] redactionKey, Duration shutdownGrace,
                            BundleDistribution bundles) {

    /** A configuration with {@link BundleDistribution#defaults} beside the spool: no trusted keys, 10 s polls. */
    public GatewayConfig(String host, int port, String gatewayId, String tenantId, long maxBodyBytes,
                         List<Upstream> upstreams, List<ApiKey> apiKeys, Optional<ControlLink> control,
                         Path spoolDir, Optional<Path> policyBundle, byte[] redactionKey, Duration shutdownGrace) {
        this(host, port, gatewayId, tenantId, maxBodyBytes, upstreams, apiKeys, control, spoolDir, policyBundle,
                redactionKey, shutdownGrace, BundleDistribution.defaults(spoolDir.resolveSibling("bundle")));
    }

    public GatewayConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(spoolDir, "spoolDir");
        Objects.requireNonNull(bundles, "bundles");
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

        /** The control plane's URL for {@code path} (which starts with {@code /}). */
        public URI resolve(String path) {
            String base = url.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        }
    }

    /**
     * How the gateway trusts, fetches and keeps policy bundles.
     *
     * @param trustedKeys  Ed25519 public-key PEM files; when any is given, every bundle from the
     *                     control plane or from disk must carry a valid signature by one of them
     *                     (the built-in default bundle excepted)
     * @param pollInterval how long to wait between polls after a refusal, a missing bundle or a
     *                     failure (failures back off with jitter up to it)
     * @param longPollWait how long the control plane may hold a poll open waiting for a change (0-60 s)
     * @param stateDir     where the last good bundle and undelivered status reports are kept
     */
    public record BundleDistribution(List<Path> trustedKeys, Duration pollInterval, Duration longPollWait,
                                     Path stateDir) {

        /** The most a poll may be held open, as the control plane's {@code wait} parameter allows. */
        public static final Duration MAX_LONG_POLL = Duration.ofSeconds(60);

        public BundleDistribution {
            trustedKeys = List.copyOf(trustedKeys);
            Objects.requireNonNull(stateDir, "stateDir");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("the bundle poll interval must be positive");
            }
            if (longPollWait.isNegative() || longPollWait.compareTo(MAX_LONG_POLL) > 0) {
                throw new IllegalArgumentException("the bundle long-poll wait must be 0-60 s");
            }
        }

        /** No trusted keys, a 10 s poll interval and 30 s long polls, kept in {@code stateDir}. */
        public static BundleDistribution defaults(Path stateDir) {
            return new BundleDistribution(List.of(), Duration.ofSeconds(10), Duration.ofSeconds(30), stateDir);
        }
    }
}
