package dev.parapet.control;

import dev.parapet.control.api.ApiException;
import dev.parapet.control.api.BearerAuth;
import dev.parapet.control.api.ErrorCode;
import dev.parapet.control.api.EventIngestService;
import dev.parapet.control.api.EventQueryService;
import dev.parapet.control.api.PolicySimulationService;
import dev.parapet.control.api.GatewayBundleService;
import dev.parapet.control.api.GatewayBundleStatusService;
import dev.parapet.control.api.HttpMetricsFilter;
import dev.parapet.control.api.OperationsService;
import dev.parapet.control.api.PolicyAdminService;
import dev.parapet.control.api.Problems;
import dev.parapet.control.api.RequestSizeFilter;
import dev.parapet.control.policy.BundleLifecycle;
import dev.parapet.control.policy.HeadSignals;
import dev.parapet.control.policy.HeadWatch;
import dev.parapet.control.policy.LifecycleOutcome;
import dev.parapet.control.policy.Upload;
import dev.parapet.control.policy.PolicyVersionStore;
import dev.parapet.control.provisioning.Provisioning;
import dev.parapet.control.store.EventStore;
import dev.parapet.control.store.Migrations;
import dev.parapet.policy.signing.KeyFileException;
import dev.parapet.policy.signing.SigningKey;
import dev.parapet.policy.signing.TrustedKey;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running control-plane server (Helidon SE, a virtual thread per request).
 *
 * <pre>{@code
 * try (ControlDatabase db = ControlDatabase.open(config.database());
 *      ControlPlane plane = ControlPlane.start(config, db.dataSource())) {
 *     DemoSecrets demo = DemoTenant.ensure(plane.provisioning(), previous);
 *     ...
 * }
 * }</pre>
 *
 * <p>Close the plane before the database: {@link #close()} stops accepting requests and lets
 * in-flight ones finish.
 */
public final class ControlPlane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** While a gateway long-polls, how often the head is re-read for publishes through other replicas. */
    private static final Duration HEAD_RECHECK = Duration.ofSeconds(5);

    private final WebServer server;
    private final String host;
    private final Provisioning provisioning;
    private final PrometheusMeterRegistry registry;
    private final HeadSignals signals;
    private final Optional<SigningKey> signingKey;
    private final PolicyVersionStore versions;
    private final BundleLifecycle lifecycle;

    private ControlPlane(WebServer server, String host, Provisioning provisioning, PrometheusMeterRegistry registry,
            HeadSignals signals, Optional<SigningKey> signingKey, PolicyVersionStore versions, BundleLifecycle lifecycle) {
        this.server = server;
        this.host = host;
        this.provisioning = provisioning;
        this.registry = registry;
        this.signals = signals;
        this.signingKey = signingKey;
        this.versions = versions;
        this.lifecycle = lifecycle;
    }

    /**
     * Migrates the database, then starts serving on {@code config.host():config.port()}.
     * The data source stays the caller's to close.
     *
     * @throws IllegalArgumentException when the configured bundle-signing key file cannot be used
     */
    public static ControlPlane start(ControlConfig config, DataSource dataSource) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataSource, "dataSource");
        Optional<SigningKey> signingKey = signingKey(config);
        Migrations.migrate(dataSource);
        Provisioning provisioning = new Provisioning(dataSource);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HeadSignals signals = new HeadSignals();
        PolicyVersionStore versions = new PolicyVersionStore(dataSource);
        BundleLifecycle lifecycle = new BundleLifecycle(versions, signingKey, signals, Clock.systemUTC());
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .shutdownGracePeriod(SHUTDOWN_GRACE)
                .routing(r -> routing(r, config, dataSource, provisioning, registry, signals, versions, lifecycle))
                .build()
                .start();
        ControlPlane plane = new ControlPlane(server, config.host(), provisioning, registry, signals, signingKey, versions,
                lifecycle);
        LOG.atInfo().addKeyValue("url", plane.url())
                .addKeyValue("bundle_signing_key", signingKey.map(SigningKey::keyId).orElse("none"))
                .log("control plane started");
        return plane;
    }

    private static Optional<SigningKey> signingKey(ControlConfig config) {
        try {
            return config.bundleSigning().resolve();
        } catch (KeyFileException e) {
            throw new IllegalArgumentException("bundle-signing key: " + e.getMessage(), e);
        }
    }

    /** All routes of the control plane, in order: filters, services, fallback, error mapping. */
    static void routing(HttpRouting.Builder routing, ControlConfig config, DataSource dataSource,
            Provisioning provisioning, PrometheusMeterRegistry registry, HeadSignals signals,
            PolicyVersionStore versions, BundleLifecycle lifecycle) {
        EventStore events = new EventStore(dataSource);
        HeadWatch watch = new HeadWatch(versions, signals, config.maxLongPolls(), HEAD_RECHECK);
        Gauge.builder("policy.long_polls.waiting", watch, HeadWatch::waiting)
                .description("Gateway bundle requests waiting for a new policy version")
                .register(registry);
        routing.addFilter(new HttpMetricsFilter(registry))
                .addFilter(new RequestSizeFilter(config.maxRequestBodyBytes()))
                .register(new EventIngestService(BearerAuth.gatewayTokens(provisioning), events,
                        config.maxRequestBodyBytes(), registry))
                .register(new EventQueryService(BearerAuth.adminTokens(provisioning), events))
                .register(new PolicySimulationService(BearerAuth.adminTokens(provisioning), events,
                        config.maxRequestBodyBytes(), java.time.Clock.systemUTC()))
                .register(new PolicyAdminService(BearerAuth.adminTokens(provisioning), versions, lifecycle,
                        config.maxRequestBodyBytes()))
                .register(new GatewayBundleService(BearerAuth.gatewayTokens(provisioning), versions, watch))
                .register(new GatewayBundleStatusService(BearerAuth.gatewayTokens(provisioning), dataSource,
                        config.maxRequestBodyBytes()))
                .register(new OperationsService(dataSource, registry))
                .any((req, res) -> {
                    throw new ApiException(ErrorCode.NOT_FOUND, "No such endpoint.");
                })
                .error(ApiException.class, Problems::handle)
                .error(Exception.class, Problems::handleUnexpected);
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        if (h.contains(":")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + port();
    }

    /** Credentials management on this plane's database. */
    public Provisioning provisioning() {
        return provisioning;
    }

    /**
     * The public half of the key that signs this plane's policy versions: what gateways must
     * trust to accept the bundles it serves. Empty when the plane has no signing key.
     */
    public Optional<TrustedKey> bundleSigningKey() {
        return signingKey.map(SigningKey::trustedKey);
    }

    /**
     * Publishes {@code files} as the tenant's first policy version, signed by this plane, unless
     * the tenant already has one (the demo seeds its tenant with the default bundle this way, so
     * that its gateway enforces a signed bundle from the start).
     *
     * @return whether a version was published
     * @throws IllegalStateException when the plane has no signing key or the bundle is refused
     */
    public boolean publishIfNone(String tenantId, String author, java.util.Map<String, byte[]> files, String reason) {
        try {
            if (versions.head(tenantId).isPresent()) {
                return false;
            }
            LifecycleOutcome outcome = lifecycle.publish(tenantId, author,
                    new Upload(files, Optional.empty(), Optional.of(reason)));
            if (!(outcome instanceof LifecycleOutcome.Published)) {
                throw new IllegalStateException("the initial bundle was not published: " + outcome);
            }
            return true;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot publish the initial bundle: " + e.getMessage(), e);
        }
    }

    /** Answers waiting long polls, then stops the server gracefully; idempotent. */
    @Override
    public void close() {
        if (server.isRunning()) {
            signals.close();
            server.stop();
            registry.close();
            LOG.info("control plane stopped");
        }
    }
}
