package dev.parapet.control.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.control.policy.Head;
import dev.parapet.control.policy.HeadWatch;
import dev.parapet.control.policy.PolicyVersionStore;
import dev.parapet.control.policy.StoredBundle;
import dev.parapet.core.event.EventJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * {@code GET /v1/gateway/bundle}: a gateway fetches its tenant's current signed bundle (the
 * gateway token decides the tenant).
 *
 * <ul>
 *   <li>200 with {@code ETag: "<digest>"} and {@code {"tenant","version","digest","files":{path:base64},
 *       "signatures":{…}}};</li>
 *   <li>304 (no body) when {@code If-None-Match} names the current digest; with {@code ?wait=N}
 *       (0–60 seconds, default 0) the answer waits up to N seconds for a new version first;</li>
 *   <li>404 {@code no_bundle} when the tenant never published; 503 {@code too_many_long_polls}
 *       (with {@code Retry-After}) when too many requests wait already.</li>
 * </ul>
 */
public final class GatewayBundleService implements HttpService {
    static final int MAX_WAIT_SECONDS = 60;
    private static final String RETRY_AFTER_SECONDS = "1";

    private final BearerAuth gateways;
    private final PolicyVersionStore store;
    private final HeadWatch watch;

    public GatewayBundleService(BearerAuth gateways, PolicyVersionStore store, HeadWatch watch) {
        this.gateways = gateways;
        this.store = store;
        this.watch = watch;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/gateway/bundle", this::bundle);
    }

    private void bundle(ServerRequest req, ServerResponse res) throws SQLException, InterruptedException {
        String tenantId = gateways.tenantOf(req);
        int wait = QueryParameters.single(req.query(), "wait")
                .map(v -> QueryParameters.integer("wait", v, 0, MAX_WAIT_SECONDS)).orElse(0);
        Predicate<String> held = req.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(EntityTags::parse).orElse(digest -> false);
        switch (watch.poll(tenantId, held, Duration.ofSeconds(wait))) {
            case HeadWatch.Outcome.NoBundle n -> throw new ApiException(ErrorCode.NO_BUNDLE,
                    "No policy bundle has been published for this tenant.");
            case HeadWatch.Outcome.Busy b -> {
                res.header(HeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
                Problems.send(res, ErrorCode.TOO_MANY_LONG_POLLS,
                        "Too many requests are waiting for a new bundle; retry without wait or later.");
            }
            case HeadWatch.Outcome.Unchanged u -> {
                res.header(HeaderNames.ETAG, EntityTags.quote(u.head().digest()));
                res.header(HeaderNames.CACHE_CONTROL, "no-cache");
                res.status(Status.NOT_MODIFIED_304).send();
            }
            case HeadWatch.Outcome.Changed c -> send(res, tenantId, c.head());
        }
    }

    private void send(ServerResponse res, String tenantId, Head head) throws SQLException {
        StoredBundle bundle = store.load(tenantId, head.version()).orElseThrow(
                () -> new IllegalStateException("current version " + head.version() + " of a tenant is missing"));
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("tenant", tenantId);
        body.put("version", bundle.version().version());
        body.put("digest", bundle.version().digest());
        body.set("files", PolicyViews.files(bundle));
        body.set("signatures", PolicyViews.signatures(bundle));
        res.header(HeaderNames.ETAG, EntityTags.quote(bundle.version().digest()));
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        JsonResponses.send(res, Status.OK_200, body);
    }
}
