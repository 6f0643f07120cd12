package dev.parapet.control;

import dev.parapet.control.policy.BundleSigning;
import dev.parapet.control.store.DatabaseSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of one control-plane process, passed to {@link ControlPlane#start}.
 *
 * @param host                 the address to listen on; loopback by default
 * @param port                 the TCP port; {@code 0} picks a free one (see {@link ControlPlane#port()})
 * @param database             the embedded PostgreSQL or an external server
 * @param maxRequestBodyBytes  larger request bodies are refused with 413 {@code payload_too_large}
 *                             (a policy bundle upload included)
 * @param bundleSigning        the Ed25519 key that signs published policy versions; without one,
 *                             publishing is refused
 * @param maxLongPolls         how many gateway bundle requests may wait ({@code ?wait=N}) at once;
 *                             more are answered 503 {@code too_many_long_polls}
 */
public record ControlConfig(String host, int port, DatabaseSettings database, long maxRequestBodyBytes,
                            BundleSigning bundleSigning, int maxLongPolls) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    /** Room for a full batch of 500 events with generous metadata. */
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 4L * 1024 * 1024;
    public static final int DEFAULT_MAX_LONG_POLLS = 1_000;

    public ControlConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(bundleSigning, "bundleSigning");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of 0..65535: " + port);
        }
        if (maxRequestBodyBytes < 1) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be positive: " + maxRequestBodyBytes);
        }
        if (maxLongPolls < 0) {
            throw new IllegalArgumentException("maxLongPolls must not be negative: " + maxLongPolls);
        }
    }

    /** Settings without a signing key and with the default long-poll bound. */
    public ControlConfig(String host, int port, DatabaseSettings database, long maxRequestBodyBytes) {
        this(host, port, database, maxRequestBodyBytes, BundleSigning.none(), DEFAULT_MAX_LONG_POLLS);
    }

    /** Defaults (127.0.0.1:8081, 4 MiB bodies, no signing key) on the embedded database kept under {@code dataDir}. */
    public static ControlConfig embedded(Path dataDir) {
        return new ControlConfig(DEFAULT_HOST, DEFAULT_PORT, new DatabaseSettings.Embedded(dataDir),
                DEFAULT_MAX_REQUEST_BODY_BYTES);
    }

    /** Defaults on an external PostgreSQL server. */
    public static ControlConfig external(String jdbcUrl, String user, String password) {
        return new ControlConfig(DEFAULT_HOST, DEFAULT_PORT, new DatabaseSettings.External(jdbcUrl, user, password),
                DEFAULT_MAX_REQUEST_BODY_BYTES);
    }

    public ControlConfig withHost(String newHost) {
        return new ControlConfig(newHost, port, database, maxRequestBodyBytes, bundleSigning, maxLongPolls);
    }

    public ControlConfig withPort(int newPort) {
        return new ControlConfig(host, newPort, database, maxRequestBodyBytes, bundleSigning, maxLongPolls);
    }

    public ControlConfig withMaxRequestBodyBytes(long newMax) {
        return new ControlConfig(host, port, database, newMax, bundleSigning, maxLongPolls);
    }

    public ControlConfig withBundleSigning(BundleSigning newSigning) {
        return new ControlConfig(host, port, database, maxRequestBodyBytes, newSigning, maxLongPolls);
    }

    public ControlConfig withMaxLongPolls(int newMax) {
        return new ControlConfig(host, port, database, maxRequestBodyBytes, bundleSigning, newMax);
    }
}
