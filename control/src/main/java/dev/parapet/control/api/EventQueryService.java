package dev.parapet.control.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parapet.control.store.EventCursor;
import dev.parapet.control.store.EventPage;
import dev.parapet.control.store.EventQuery;
import dev.parapet.control.store.EventStore;
import dev.parapet.core.ReasonCode;
import dev.parapet.core.event.DecisionEvent;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/events}: the admin token's tenant lists its decision events, newest first.
 *
 * <p>Query parameters: {@code decision} (allow, alert, redact, hold or block), {@code reason_code},
 * {@code limit} (1..500, default 50) and {@code cursor} (the {@code next_cursor} of the previous
 * page). The answer is {@code {"items":[event…],"next_cursor":"…"|null}}.
 */
public final class EventQueryService implements HttpService {
    private static final Set<String> DECISIONS = Set.of("allow", "alert", "redact", "hold", "block");

    private final BearerAuth admins;
    private final EventStore store;

    public EventQueryService(BearerAuth admins, EventStore store) {
        this.admins = admins;
        this.store = store;
    }

    /** The response body. */
    record Page(@JsonProperty("items") List<DecisionEvent> items, @JsonProperty("next_cursor") String nextCursor) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/events", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) throws SQLException {
        String tenantId = admins.tenantOf(req);
        EventQuery query = query(req.query());
        EventPage page = store.page(tenantId, query);
        JsonResponses.send(res, Status.OK_200, new Page(page.items(), page.next().map(EventCursor::encode).orElse(null)));
    }

    static EventQuery query(Parameters params) {
        Optional<String> decision = QueryParameters.single(params, "decision");
        if (decision.isPresent() && !DECISIONS.contains(decision.get())) {
            throw invalid("decision must be one of allow, alert, redact, hold, block.");
        }
        Optional<String> reasonCode = QueryParameters.single(params, "reason_code");
        if (reasonCode.isPresent() && !ReasonCode.isWellFormed(reasonCode.get())) {
            throw invalid("reason_code must be lower-case letters, digits and underscores.");
        }
        int limit = QueryParameters.single(params, "limit")
                .map(v -> QueryParameters.integer("limit", v, 1, EventQuery.MAX_LIMIT)).orElse(EventQuery.DEFAULT_LIMIT);
        Optional<EventCursor> cursor;
        try {
            cursor = QueryParameters.single(params, "cursor").map(EventCursor::decode);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor is not one this server issued.");
        }
        return new EventQuery(decision, reasonCode, limit, cursor);
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, detail);
    }
}
