package dev.parapet.control.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import dev.parapet.control.store.EventStore;
import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.EventBatch;
import dev.parapet.core.event.EventJson;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/internal/events}: gateways deliver batches of redacted decision events.
 *
 * <p>The gateway token decides the tenant; a batch holding any event of another tenant is refused
 * whole (403 {@code tenant_mismatch}). Delivery is idempotent on {@code event_id}: a redelivered
 * event is acknowledged again but stored once. The answer is 202 {@code {"accepted":n,"duplicates":d}}
 * once the batch is committed.
 */
public final class EventIngestService implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(EventIngestService.class);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final BearerAuth gateways;
    private final EventStore store;
    private final long maxBodyBytes;
    private final Counter ingested;

    public EventIngestService(BearerAuth gateways, EventStore store, long maxBodyBytes, MeterRegistry registry) {
        this.gateways = gateways;
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
        this.ingested = Counter.builder("events.ingested")
                .description("Decision events newly stored (redeliveries excluded)")
                .register(registry);
    }

    /** The response body: events acknowledged, and how many of them were already stored. */
    record Accepted(@JsonProperty("accepted") int accepted, @JsonProperty("duplicates") int duplicates) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/internal/events", this::ingest);
    }

    private void ingest(ServerRequest req, ServerResponse res) throws SQLException {
        String tenantId = gateways.tenantOf(req);
        JsonRequests.requireJson(req);
        EventBatch batch = parse(JsonRequests.readBody(req, maxBodyBytes));
        List<DecisionEvent> events = batch.events();
        if (events.size() > EventBatch.MAX_EVENTS) {
            throw new ApiException(ErrorCode.BATCH_TOO_LARGE,
                    "A batch holds at most " + EventBatch.MAX_EVENTS + " events; got " + events.size() + ".");
        }
        List<UUID> ids = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            DecisionEvent e = events.get(i);
            if (!tenantId.equals(e.tenantId())) {
                throw new ApiException(ErrorCode.TENANT_MISMATCH,
                        "Event " + i + " names a tenant other than the gateway's; the batch was refused.");
            }
            ids.add(validate(i, e));
        }
        int inserted = store.insert(tenantId, events, ids);
        ingested.increment(inserted);
        LOG.atInfo().addKeyValue("tenant_id", tenantId).addKeyValue("received", events.size())
                .addKeyValue("inserted", inserted).log("events ingested");
        JsonResponses.send(res, Status.ACCEPTED_202, new Accepted(events.size(), events.size() - inserted));
    }

    private static UUID validate(int index, DecisionEvent e) {
        if (!UUID_TEXT.matcher(e.eventId()).matches()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "Event " + index + ": event_id must be a UUID.");
        }
        if (e.schemaVersion() < DecisionEvent.SCHEMA_VERSION) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "Event " + index + ": schema_version must be >= 1.");
        }
        if (e.decision().isBlank() || e.decision().length() > 32) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "Event " + index + ": decision is required.");
        }
        return UUID.fromString(e.eventId());
    }

    private static EventBatch parse(byte[] body) {
        try {
            return EventJson.readBatch(body);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The body is not a valid event batch.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
