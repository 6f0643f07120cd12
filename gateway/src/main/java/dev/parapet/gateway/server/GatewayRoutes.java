package dev.parapet.gateway.server;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.gateway.bundles.ActiveBundle;
import dev.parapet.gateway.bundles.PollStatus;
import dev.parapet.gateway.decide.DecisionRequestCodec;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Pipeline;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Every HTTP route of the gateway, declared in {@link #routing}. */
public final class GatewayRoutes {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Pipeline pipeline;
    private final Pipeline decisions;
    private final GatewayMetrics metrics;
    private final Supplier<Readiness> readiness;
    private final Supplier<UUID> ids;

    /**
     * What {@code /readyz} reports.
     *
     * @param ready        whether the gateway can decide requests
     * @param bundle       the policy bundle being enforced, and where it came from
     * @param bundlePoll   how the last poll for bundles went, or empty without a control plane
     * @param spoolPending events not yet delivered
     * @param controlPlane {@code reachable}, {@code unreachable} or {@code not configured}
     */
    public record Readiness(boolean ready, ActiveBundle bundle, Optional<PollStatus> bundlePoll, long spoolPending,
                            String controlPlane) {
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
        ObjectNode body = JSON.createObjectNode();
        body.put("status", r.ready() ? "READY" : "NOT_READY");
        ObjectNode bundle = body.putObject("bundle");
        bundle.put("name", r.bundle().bundle().name());
        bundle.put("version", r.bundle().bundle().version());
        bundle.put("digest", r.bundle().digest());
        bundle.put("source", r.bundle().source().wireName());
        if (r.bundle().controlVersion().isPresent()) {
            bundle.put("control_version", r.bundle().controlVersion().getAsLong());
        } else {
            bundle.putNull("control_version");
        }
        bundle.put("activated_at", r.bundle().activatedAt().toString());
        if (r.bundlePoll().isPresent()) {
            PollStatus poll = r.bundlePoll().get();
            ObjectNode p = body.putObject("bundle_poll");
            p.put("state", poll.state().wireName());
            p.put("last_poll", poll.lastPoll().map(Instant::toString).orElse(null));
            p.put("detail", poll.detail().orElse(null));
        } else {
            body.putNull("bundle_poll");
        }
        body.put("spool_pending_events", r.spoolPending());
        body.put("control_plane", r.controlPlane());
        json(res, r.ready() ? 200 : 503, body.toString());
    }

    private static void json(ServerResponse res, int status, String body) {
        res.status(status);
        res.header("Content-Type", "application/json");
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }
}
