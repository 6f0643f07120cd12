package dev.parapet.app;

import dev.parapet.app.config.Settings;
import dev.parapet.app.demo.DemoCredentials;
import dev.parapet.app.demo.DemoUpstream;
import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.provisioning.DemoSecrets;
import dev.parapet.control.provisioning.DemoTenant;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.control.store.DatabaseSettings;
import dev.parapet.gateway.Gateway;
import dev.parapet.gateway.GatewayConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both planes in one process, as {@code parapet serve --demo} runs them: the database (embedded
 * unless {@code database.url} is set), the control plane, the demo tenant, the demo upstream and
 * the gateway, started in that order and stopped in reverse so that in-flight requests finish and
 * spooled events reach the control plane before it goes.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Path dataDir;
    private ControlDatabase database;
    private DemoUpstream upstream;
    private ControlPlane control;
    private Gateway gateway;
    private DemoCredentials credentials;

    private LocalStack(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts everything for demo mode; on failure stops what had started and rethrows. */
    public static LocalStack startDemo(Settings settings) throws IOException {
        LocalStack stack = new LocalStack(Path.of(settings.string("data_dir")).toAbsolutePath().normalize());
        try {
            stack.start(settings);
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void start(Settings settings) throws IOException {
        database = ControlDatabase.open(databaseSettings(settings));
        started.add(database);
        LOG.info("database ready url={}", database.jdbcUrl());

        control = ControlPlane.start(new ControlConfig(settings.string("control.host"), settings.port("control.port"),
                databaseSettings(settings), settings.number("control.max_body_bytes", 1024, Integer.MAX_VALUE)),
                database.dataSource());
        started.add(control);

        Optional<DemoCredentials> previous = DemoCredentials.read(dataDir);
        DemoSecrets secrets = DemoTenant.ensure(control.provisioning(), previous.map(p ->
                new DemoSecrets(DemoTenant.TENANT_ID, p.apiKey(), p.adminToken(), p.gatewayToken())));

        upstream = DemoUpstream.start("127.0.0.1", settings.port("demo.upstream_port"),
                Duration.ofMillis(settings.number("demo.chunk_delay_ms", 0, 10_000)));
        started.add(upstream);

        gateway = Gateway.start(gatewayConfig(settings, secrets, SecretFiles.keyOf(dataDir.resolve("redaction.key"), 32)));
        started.add(gateway);

        credentials = new DemoCredentials(gateway.url(), control.url(), secrets.apiKey(), secrets.adminToken(),
                secrets.gatewayToken());
        credentials.write(dataDir);
    }

    private static DatabaseSettings databaseSettings(Settings settings) {
        return settings.optional("database.url")
                .<DatabaseSettings>map(url -> new DatabaseSettings.External(url, settings.string("database.user"),
                        settings.string("database.password")))
                .orElseGet(() -> new DatabaseSettings.Embedded(Path.of(settings.string("data_dir")).toAbsolutePath()));
    }

    private GatewayConfig gatewayConfig(Settings settings, DemoSecrets secrets, byte[] redactionKey) {
        List<GatewayConfig.Upstream> upstreams = new ArrayList<>();
        upstreams.add(new GatewayConfig.Upstream("demo-echo", URI.create(upstream.baseUrl()), Optional.empty(),
                List.of(DemoUpstream.MODEL), Duration.ofSeconds(5), Duration.ofSeconds(60)));
        for (Settings.UpstreamSetting u : settings.upstreams()) {
            upstreams.add(new GatewayConfig.Upstream(u.name(), URI.create(u.baseUrl()),
                    u.apiKeyEnv().map(System::getenv), u.models(), Duration.ofSeconds(5), Duration.ofSeconds(120)));
        }
        List<GatewayConfig.ApiKey> keys = control.provisioning().listActiveApiKeys(secrets.tenantId()).stream()
                .map(k -> new GatewayConfig.ApiKey(k.keyHash(), k.tenantId(), k.principalId(), k.role()))
                .toList();
        URI controlUrl = URI.create(settings.optional("control.url").orElse(control.url()));
        return new GatewayConfig(settings.string("gateway.host"), settings.port("gateway.port"), DemoTenant.GATEWAY_ID,
                secrets.tenantId(), settings.number("gateway.max_body_bytes", 1, Integer.MAX_VALUE - 16),
                upstreams, keys,
                Optional.of(new GatewayConfig.ControlLink(controlUrl, secrets.gatewayToken(),
                        Duration.ofMillis(settings.number("gateway.events_flush_interval_ms", 10, 3_600_000)))),
                dataDir.resolve("spool"), settings.optional("gateway.policy_bundle").map(Path::of), redactionKey,
                Duration.ofSeconds(settings.number("gateway.shutdown_grace_seconds", 0, 600)),
                bundleDistribution(settings, dataDir));
    }

    /** The bundle settings: trusted keys, poll pacing, and {@code <data_dir>/bundle} for the kept bundle. */
    private static GatewayConfig.BundleDistribution bundleDistribution(Settings settings, Path dataDir) {
        return new GatewayConfig.BundleDistribution(
                settings.list("gateway.bundle_public_keys").stream().map(Path::of).toList(),
                Duration.ofSeconds(settings.number("gateway.bundle_poll_interval_seconds", 1, 3600)),
                Duration.ofSeconds(settings.number("gateway.bundle_long_poll_seconds", 0,
                        GatewayConfig.BundleDistribution.MAX_LONG_POLL.toSeconds())),
                dataDir.resolve("bundle"));
    }

    public DemoCredentials credentials() {
        return credentials;
    }

    public Gateway gateway() {
        return gateway;
    }

    public ControlPlane control() {
        return control;
    }

    public ControlDatabase database() {
        return database;
    }

    public DemoUpstream upstream() {
        return upstream;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops in reverse order of start: gateway (in-flight requests, then events), upstream, control plane, database. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.error("stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
