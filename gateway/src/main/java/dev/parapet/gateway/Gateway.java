package dev.parapet.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.core.Ids;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.heuristics.BehaviourBaseline;
import dev.parapet.gateway.auth.ApiKeyDirectory;
import dev.parapet.gateway.bundles.ActiveBundle;
import dev.parapet.gateway.bundles.BundleAdmission;
import dev.parapet.gateway.bundles.BundleClient;
import dev.parapet.gateway.bundles.BundleListener;
import dev.parapet.gateway.bundles.BundlePoller;
import dev.parapet.gateway.bundles.BundleStatusOutbox;
import dev.parapet.gateway.bundles.BundleStatusShipper;
import dev.parapet.gateway.bundles.BundleStore;
import dev.parapet.gateway.bundles.InitialBundle;
import dev.parapet.gateway.events.ControlPlaneClient;
import dev.parapet.gateway.events.EventShipper;
import dev.parapet.gateway.events.EventSink;
import dev.parapet.gateway.events.EventSpool;
import dev.parapet.gateway.openai.ChatAnswerRestorer;
import dev.parapet.gateway.openai.ChatRequestCodec;
import dev.parapet.gateway.openai.OpenAiErrorBody;
import dev.parapet.gateway.pipeline.Pipeline;
import dev.parapet.gateway.decide.DecisionAnswerStage;
import dev.parapet.gateway.decide.DecisionRequestCodec;
import dev.parapet.gateway.openai.ParsedChatRequest;
import dev.parapet.gateway.server.GatewayRoutes;
import dev.parapet.gateway.stage.RequestParser;
import dev.parapet.gateway.server.GatewayMetrics;
import dev.parapet.gateway.stage.AuditAvailableStage;
import dev.parapet.gateway.stage.AuthenticateStage;
import dev.parapet.gateway.stage.DecideStage;
import dev.parapet.gateway.stage.DetectStage;
import dev.parapet.gateway.stage.EmitStage;
import dev.parapet.gateway.stage.ForwardStage;
import dev.parapet.gateway.stage.ParseStage;
import dev.parapet.gateway.stage.PinBundleStage;
import dev.parapet.gateway.stage.RespondStage;
import dev.parapet.gateway.stage.TransformStage;
import dev.parapet.gateway.upstream.UpstreamClient;
import dev.parapet.gateway.upstream.UpstreamRouter;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: the HTTP server, its pipeline, the event spool and the shipper that delivers
 * it, and the policy bundle it enforces, kept in step with the control plane by a poller.
 * {@link #start} builds everything from a {@link GatewayConfig}; {@link #close} lets in-flight
 * requests finish, then delivers what is spooled.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final AtomicReference<ActiveBundle> active;
    private final EventSpool spool;
    private final Optional<EventShipper> shipper;
    private final Optional<BundlePoller> poller;
    private final Optional<BundleStatusShipper> statusShipper;
    private final UpstreamClient upstreams;
    private final WebServer server;
    private final ApiKeyDirectory keys;
    private final DetectStage detect;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Gateway(GatewayConfig config) throws IOException {
        this.config = config;
        this.spool = new EventSpool(config.spoolDir());
        GatewayMetrics metrics = new GatewayMetrics(spool::pending, spool::failedWrites);
        BundleAdmission admission = BundleAdmission.trusting(config.bundles().trustedKeys(), config.tenantId());
        BundleStore store = new BundleStore(config.bundles().stateDir());
        Optional<BundleStatusOutbox> outbox = config.control().isPresent()
                ? Optional.of(new BundleStatusOutbox(config.bundles().stateDir().resolve("outbox"), config.gatewayId()))
                : Optional.empty();
        List<BundleListener> listeners = new ArrayList<>(List.of(metrics));
        outbox.ifPresent(listeners::add);
        BundleListener bundleListener = BundleListener.all(listeners);
        if (!admission.requiresSignatures() && config.control().isPresent()) {
            LOG.warn("policy bundle signatures are NOT checked: no gateway.bundle_public_keys configured, so bundles "
                    + "from the control plane are trusted on its address and token alone");
        }
        ActiveBundle initial = InitialBundle.choose(config.policyBundle(), config.control().isPresent(), admission, store,
                bundleListener, Clock.systemUTC().instant());
        this.active = new AtomicReference<>(initial);
        bundleListener.activated(initial);
        this.shipper = config.control().map(link ->
                new EventShipper(spool, new ControlPlaneClient(link), link.flushInterval()).start());
        this.upstreams = new UpstreamClient(Duration.ofSeconds(5));
        ObjectMapper json = JsonMapper.builder().build();
        this.keys = new ApiKeyDirectory(config.apiKeys(), config.tenantId());
        this.detect = new DetectStage(DetectionEngine.defaults(), BehaviourBaseline.defaults());
        this.poller = config.control().map(link -> new BundlePoller(new BundleClient(link), admission, store, active,
                bundleListener, config.tenantId(), config.bundles().pollInterval(), config.bundles().longPollWait(),
                Clock.systemUTC()));
        this.statusShipper = config.control().map(link -> new BundleStatusShipper(outbox.orElseThrow(), link));
        if (poller.isPresent()) {
            try {
                poller.get().syncNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pipeline pipeline = pipeline(config, json, metrics);
        GatewayRoutes routes = new GatewayRoutes(pipeline, decisionPipeline(config, json, metrics), metrics,
                this::readiness, Ids::newId);
        this.server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .shutdownGracePeriod(config.shutdownGrace())
                .routing(routes::routing)
                .build()
                .start();
        poller.ifPresent(BundlePoller::start);
        statusShipper.ifPresent(BundleStatusShipper::start);
        LOG.info("gateway listening url={} stages={} bundle={} bundle_source={} api_keys={}", url(),
                pipeline.stageNames(), active.get().digest(), active.get().source().wireName(), config.apiKeys().size());
    }

    /**
     * Starts a gateway.
     *
     * @throws UncheckedIOException     when the spool or the bundle file cannot be read
     * @throws IllegalArgumentException when the configured policy bundle is invalid or refused, or a
     *                                  bundle public key cannot be read
     */
    public static Gateway start(GatewayConfig config) {
        try {
            return new Gateway(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request pipeline, in order; with {@link #decisionPipeline}, the only place stages are put together. */
    private Pipeline pipeline(GatewayConfig config, ObjectMapper json, GatewayMetrics metrics) {
        ChatRequestCodec codec = new ChatRequestCodec(json);
        OpenAiErrorBody errors = new OpenAiErrorBody(json);
        RequestParser chat = (body, provider, endpoint) -> switch (codec.parse(body, provider, endpoint)) {
            case ChatRequestCodec.Result.Invalid(String problem) -> new RequestParser.Result.Invalid(problem);
            case ChatRequestCodec.Result.Valid(ParsedChatRequest parsed) ->
                    new RequestParser.Result.Valid(parsed, parsed.interaction(), null);
        };
        return new Pipeline(List.of(
                new PinBundleStage(() -> active.get().engine()),
                new EmitStage(config.gatewayId(), config.tenantId(), sink(metrics)),
                new RespondStage(errors),
                new AuditAvailableStage(spool::writable),
                new AuthenticateStage(keys),
                new ParseStage(config.maxBodyBytes(), chat),
                detect,
                new DecideStage(),
                new TransformStage(codec, config.redactionKey()),
                new ForwardStage(new UpstreamRouter(config.upstreams()), upstreams, errors, new ChatAnswerRestorer(json))));
    }

    /** The decision API's pipeline: the same checks, answered with the decision itself. */
    private Pipeline decisionPipeline(GatewayConfig config, ObjectMapper json, GatewayMetrics metrics) {
        return new Pipeline(List.of(
                new PinBundleStage(() -> active.get().engine()),
                new EmitStage(config.gatewayId(), config.tenantId(), sink(metrics)),
                new RespondStage(new OpenAiErrorBody(json)),
                new AuditAvailableStage(spool::writable),
                new AuthenticateStage(keys),
                new ParseStage(config.maxBodyBytes(), new DecisionRequestCodec(json)),
                detect,
                new DecisionAnswerStage(json)));
    }

    private EventSink sink(GatewayMetrics metrics) {
        return event -> {
            metrics.accept(event);
            spool.accept(event);
        };
    }

    private GatewayRoutes.Readiness readiness() {
        String control = shipper.map(s -> s.backlogged() ? "unreachable" : "reachable").orElse("not configured");
        return new GatewayRoutes.Readiness(spool.writable(), active.get(), poller.map(BundlePoller::status),
                spool.pending(), control);
    }

    /** The bundle being enforced now, and where it came from. */
    public ActiveBundle activeBundle() {
        return active.get();
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return "http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host()) + ":" + port();
    }

    /** Events written to the spool and not yet acknowledged by the control plane. */
    public long pendingEvents() {
        return spool.pending();
    }

    /** Delivers spooled events now; true when nothing is left. */
    public boolean flushEvents() {
        return shipper.map(EventShipper::shipOnce).orElse(false);
    }

    /** Stops once; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("gateway stopping; in-flight requests may take up to {}", config.shutdownGrace());
        poller.ifPresent(BundlePoller::close);
        server.stop();
        shipper.ifPresent(EventShipper::close);
        statusShipper.ifPresent(BundleStatusShipper::close);
        try {
            spool.close();
        } catch (IOException e) {
            LOG.error("event spool did not close cleanly: {}", e.toString());
        }
        upstreams.close();
        LOG.info("gateway stopped; {} events pending in the spool", spool.pending());
    }
}
