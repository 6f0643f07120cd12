package dev.parapet.control;

import dev.parapet.control.api.ApiException;
import dev.parapet.control.api.BearerAuth;
import dev.parapet.control.api.ErrorCode;
import dev.parapet.control.api.EventIngestService;
import dev.parapet.control.api.EventQueryService;
import dev.parapet.control.api.PolicySimulationService;
import dev.parapet.control.api.HttpMetricsFilter;
import dev.parapet.control.api.OperationsService;
import dev.parapet.control.api.Problems;
import dev.parapet.control.api.RequestSizeFilter;
import dev.parapet.control.provisioning.Provisioning;
import dev.parapet.control.store.EventStore;
import dev.parapet.control.store.Migrations;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;
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

    private final WebServer server;
    private final String host;
    private final Provisioning provisioning;
    private final PrometheusMeterRegistry registry;

    private ControlPlane(WebServer server, String host, Provisioning provisioning, PrometheusMeterRegistry registry) {
        this.server = server;
        this.host = host;
        this.provisioning = provisioning;
        this.registry = registry;
    }

    /**
     * Migrates the database, then starts serving on {@code config.host():config.port()}.
     * The data source stays the caller's to close.
     */
    public static ControlPlane start(ControlConfig config, DataSource dataSource) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataSource, "dataSource");
        Migrations.migrate(dataSource);
        Provisioning provisioning = new Provisioning(dataSource);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .shutdownGracePeriod(SHUTDOWN_GRACE)
                .routing(r -> routing(r, config, dataSource, provisioning, registry))
                .build()
                .start();
        ControlPlane plane = new ControlPlane(server, config.host(), provisioning, registry);
        LOG.atInfo().addKeyValue("url", plane.url()).log("control plane started");
        return plane;
    }

    /** All routes of the control plane, in order: filters, services, fallback, error mapping. */
    static void routing(HttpRouting.Builder routing, ControlConfig config, DataSource dataSource,
            Provisioning provisioning, PrometheusMeterRegistry registry) {
        EventStore events = new EventStore(dataSource);
        routing.addFilter(new HttpMetricsFilter(registry))
                .addFilter(new RequestSizeFilter(config.maxRequestBodyBytes()))
                .register(new EventIngestService(BearerAuth.gatewayTokens(provisioning), events,
                        config.maxRequestBodyBytes(), registry))
                .register(new EventQueryService(BearerAuth.adminTokens(provisioning), events))
                .register(new PolicySimulationService(BearerAuth.adminTokens(provisioning), events,
                        config.maxRequestBodyBytes(), java.time.Clock.systemUTC()))
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

    /** Stops the server gracefully; idempotent. */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
            registry.close();
            LOG.info("control plane stopped");
        }
    }
}
