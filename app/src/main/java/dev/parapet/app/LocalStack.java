package dev.parapet.app;

import dev.parapet.app.config.Settings;
import dev.parapet.app.demo.DemoCredentials;
import dev.parapet.app.demo.DemoUpstream;
import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.policy.BundleSigning;
import dev.parapet.control.provisioning.DemoSecrets;
import dev.parapet.control.provisioning.DemoTenant;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.control.store.DatabaseSettings;
import dev.parapet.gateway.Gateway;
import dev.parapet.gateway.GatewayConfig;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.TrustedKey;
import dev.parapet.policy.signing.SigningKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both planes in one process, as {@code parapet serve --demo} runs them: the database (embedded
 * unless {@code database.url} is set), the control plane (with a bundle-signing key, generated
 * unless {@code control.signing_key} is set), the demo tenant, the demo upstream and
 * the gateway, started in that order and stopped in reverse so that in-flight requests finish and
 * spooled events reach the control plane before it goes.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    /** The demo's bundle-signing key, under the data directory. */
    public static final String DEMO_SIGNING_KEY = "bundle-signing-key.pem";

    /** Its public half, which the demo gateway trusts. */
    public static final String DEMO_SIGNING_PUBLIC_KEY = "bundle-signing-key.pub.pem";

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
                databaseSettings(settings), settings.number("control.max_body_bytes", 1024, Integer.MAX_VALUE))
                .withBundleSigning(bundleSigning(settings)), database.dataSource());
        started.add(control);

        Optional<DemoCredentials> previous = DemoCredentials.read(dataDir);
        DemoSecrets secrets = DemoTenant.ensure(control.provisioning(), previous.map(p ->
                new DemoSecrets(DemoTenant.TENANT_ID, p.apiKey(), p.adminToken(), p.gatewayToken())));

        Optional<Path> trustedControlKey = seedPolicy(settings);

        upstream = DemoUpstream.start("127.0.0.1", settings.port("demo.upstream_port"),
                Duration.ofMillis(settings.number("demo.chunk_delay_ms", 0, 10_000)));
        started.add(upstream);

        gateway = Gateway.start(gatewayConfig(settings, secrets, SecretFiles.keyOf(dataDir.resolve("redaction.key"), 32),
                trustedControlKey));
        started.add(gateway);

        credentials = new DemoCredentials(gateway.url(), control.url(), secrets.apiKey(), secrets.adminToken(),
                secrets.gatewayToken());
        credentials.write(dataDir);
    }

    /**
     * The key that signs published policy versions: {@code control.signing_key} if set, otherwise
     * the demo's own, generated on first start into {@value #DEMO_SIGNING_KEY} under the data
     * directory and reused after, so gateways keep trusting it across restarts.
     */
    private BundleSigning bundleSigning(Settings settings) throws IOException {
        Optional<String> configured = settings.optional("control.signing_key");
        if (configured.isPresent()) {
            return new BundleSigning.KeyFile(Path.of(configured.get()));
        }
        Path file = dataDir.resolve(DEMO_SIGNING_KEY);
        if (!Files.exists(file)) {
            SecretFiles.writePrivate(file, PemKeys.privateKeyPem(SigningKey.generate()).getBytes(StandardCharsets.US_ASCII));
            LOG.info("demo bundle-signing key generated file={}", file);
        }
        return new BundleSigning.KeyFile(file);
    }

    private static DatabaseSettings databaseSettings(Settings settings) {
        return settings.optional("database.url")
                .<DatabaseSettings>map(url -> new DatabaseSettings.External(url, settings.string("database.user"),
                        settings.string("database.password")))
                .orElseGet(() -> new DatabaseSettings.Embedded(Path.of(settings.string("data_dir")).toAbsolutePath()));
    }

    /**
     * Seeds the demo tenant's policy in the control plane, so that the gateway enforces a signed
     * bundle served by the control plane from the start: the bundle directory named by
     * {@code gateway.policy_bundle}, or the default bundle, published once (a restart keeps what
     * was published since). The control plane's public key is written beside its private key and
     * returned for the gateway to trust. A single-file {@code gateway.policy_bundle} (the older
     * unsigned form) is used by the gateway as it is: nothing is seeded or trusted.
     */
    private Optional<Path> seedPolicy(Settings settings) throws IOException {
        Optional<Path> configured = settings.optional("gateway.policy_bundle").map(Path::of);
        if (configured.isPresent() && !Files.isDirectory(configured.get())) {
            return Optional.empty();
        }
        BundleFiles files;
        try {
            files = configured.isPresent() ? BundleFiles.read(configured.get()) : PolicyBundle.defaultFiles();
        } catch (PolicyBundleException e) {
            throw new IllegalArgumentException("gateway.policy_bundle: " + e.getMessage(), e);
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        files.names().forEach(name -> contents.put(name, files.bytes(name)));
        if (control.publishIfNone(DemoTenant.TENANT_ID, "demo", contents, configured.isPresent()
                ? "demo start: gateway.policy_bundle " + configured.get().getFileName() : "demo start: the default bundle")) {
            LOG.info("demo policy published to the control plane digest={}", files.digest());
        }
        Optional<TrustedKey> key = control.bundleSigningKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Path pub = dataDir.resolve(DEMO_SIGNING_PUBLIC_KEY);
        Files.writeString(pub, PemKeys.publicKeyPem(key.get().publicKey()), StandardCharsets.US_ASCII);
        return Optional.of(pub);
    }

    private GatewayConfig gatewayConfig(Settings settings, DemoSecrets secrets, byte[] redactionKey,
                                        Optional<Path> trustedControlKey) {
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
                // a bundle directory was published to the control plane (seedPolicy), which serves it signed
                dataDir.resolve("spool"), settings.optional("gateway.policy_bundle").map(Path::of)
                        .filter(p -> !Files.isDirectory(p)), redactionKey,
                Duration.ofSeconds(settings.number("gateway.shutdown_grace_seconds", 0, 600)),
                bundleDistribution(settings, dataDir, trustedControlKey));
    }

    /**
     * The bundle settings: trusted keys (those configured, and the demo control plane's), poll
     * pacing, and {@code <data_dir>/bundle} for the kept bundle.
     */
    private static GatewayConfig.BundleDistribution bundleDistribution(Settings settings, Path dataDir,
                                                                       Optional<Path> trustedControlKey) {
        List<Path> trusted = new ArrayList<>(settings.list("gateway.bundle_public_keys").stream().map(Path::of).toList());
        trustedControlKey.ifPresent(trusted::add);
        return new GatewayConfig.BundleDistribution(
                trusted,
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
