package dev.parapet.gateway.server;

import dev.parapet.gateway.decide.DecisionRequestCodec;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Pipeline;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** Every HTTP route of the gateway, declared in {@link #routing}. */
public final class GatewayRoutes {
    private final Pipeline pipeline;
    private final Pipeline decisions;
    private final GatewayMetrics metrics;
    private final Supplier<Readiness> readiness;
    private final Supplier<UUID> ids;

    /**
     * What {@code /readyz} reports.
     *
     * @param ready         whether the gateway can decide requests
     * @param bundleName    the active policy bundle
     * @param bundleVersion its version
     * @param bundleDigest  its digest
     * @param spoolPending  events not yet delivered
     * @param controlPlane  {@code reachable}, {@code unreachable} or {@code not configured}
     */
    public record Readiness(boolean ready, String bundleName, String bundleVersion, String bundleDigest,
                            long spoolPending, String controlPlane) {
    }

    /**
     * @param pipeline  the model-request pipeline ({@code /v1/chat/completions})
     * @param decisions the decision API's pipeline ({@code /v1/decide}, {@code /v1/data/...})
     */
    public GatewayRoutes(Pipeline pipeline, Pipeline decisions, GatewayMetrics metrics, Supplier<Readiness> readiness,
                         Supplier<UUID> ids) {
        this.pipeline = pipeline;
        this.decisions = decisions;
        this.metrics = metrics;
        this.readiness = readiness;
        this.ids = ids;
    }

    public void routing(HttpRouting.Builder rules) {
        rules.post("/v1/chat/completions", this::chatCompletions)
                .post("/v1/decide", (req, res) -> decide(req, res, DecisionRequestCodec.DECIDE))
                .post("/v1/data/{+path}", this::opaData)
                .get("/healthz", (req, res) -> json(res, 200, "{\"status\":\"UP\"}"))
                .get("/readyz", this::ready)
                .get("/metrics", (req, res) -> {
                    res.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    res.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
                });
    }

    private void chatCompletions(ServerRequest req, ServerResponse res) {
        Exchange exchange = new Exchange(ids.get().toString(), Instant.now(), System.nanoTime(), "openai",
                "chat.completions", new HelidonClientRequest(req), new HelidonClientResponse(res));
        pipeline.run(exchange);
    }

    private void decide(ServerRequest req, ServerResponse res, String endpoint) {
        decisions.run(new Exchange(ids.get().toString(), Instant.now(), System.nanoTime(), "parapet", endpoint,
                new HelidonClientRequest(req), new HelidonClientResponse(res)));
    }

    /** OPA's data API; the codec refuses documents other than the two Parapet serves, after authentication. */
    private void opaData(ServerRequest req, ServerResponse res) {
        decide(req, res, DecisionRequestCodec.DATA_PREFIX + req.path().pathParameters().get("path"));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        Readiness r = readiness.get();
        String body = "{\"status\":\"" + (r.ready() ? "READY" : "NOT_READY") + "\",\"bundle\":{\"name\":\""
                + r.bundleName() + "\",\"version\":\"" + r.bundleVersion() + "\",\"digest\":\"" + r.bundleDigest()
                + "\"},\"spool_pending_events\":" + r.spoolPending() + ",\"control_plane\":\"" + r.controlPlane() + "\"}";
        json(res, r.ready() ? 200 : 503, body);
    }

    private static void json(ServerResponse res, int status, String body) {
        res.status(status);
        res.header("Content-Type", "application/json");
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }
}
