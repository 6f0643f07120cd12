package dev.parapet.control.api;

import static dev.parapet.control.Http.json;
import static dev.parapet.control.TestEvents.batch;
import static dev.parapet.control.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.Http;
import dev.parapet.control.TestDatabase;
import dev.parapet.control.provisioning.Provisioning;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.EventJson;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Event delivery and listing over real HTTP against the embedded database. */
class EventApiTest {
    private static final long MAX_BODY = 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

    private static ControlDatabase db;
    private static ControlPlane plane;
    private static Http http;
    private static Provisioning provisioning;

    private String tenant;
    private String gatewayToken;
    private String adminToken;

    @BeforeAll
    static void start() {
        db = TestDatabase.openPool();
        ControlConfig config = ControlConfig.embedded(Path.of("unused")).withPort(0).withMaxRequestBodyBytes(MAX_BODY);
        plane = ControlPlane.start(config, db.dataSource());
        http = new Http(plane.url());
        provisioning = plane.provisioning();
    }

    @AfterAll
    static void stop() {
        plane.close();
        db.close();
    }

    @BeforeEach
    void newTenant() {
        tenant = provisioning.createTenant("test").id();
        gatewayToken = provisioning.issueGatewayToken(tenant, "gw-1");
        adminToken = provisioning.issueAdminToken(tenant);
    }

    private HttpResponse<String> deliver(List<DecisionEvent> events) {
        return http.post("/v1/internal/events", gatewayToken, batch(events));
    }

    private List<String> eventIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("event_id").asText()));
        return ids;
    }

    @Test
    void ingestedEventsAreListedNewestFirstWithAllFields() throws Exception {
        DecisionEvent older = event(tenant, T0, "allow");
        DecisionEvent newer = event(tenant, T0.plusSeconds(60), "block", "prompt_injection_detected");

        HttpResponse<String> delivered = deliver(List.of(older, newer));

        assertThat(delivered.statusCode()).isEqualTo(202);
        assertThat(json(delivered).get("accepted").asInt()).isEqualTo(2);
        HttpResponse<String> listed = http.get("/v1/events", adminToken);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode page = json(listed);
        assertThat(eventIds(page)).containsExactly(newer.eventId(), older.eventId());
        assertThat(page.get("next_cursor").isNull()).isTrue();
        assertThat(EventJson.readEvent(page.get("items").get(0).toString())).isEqualTo(newer);
        assertThat(page.get("items").get(0).has("upstream_latency_ms")).isTrue();
    }

    @Test
    void filtersByDecisionAndReasonCode() {
        DecisionEvent allowed = event(tenant, T0, "allow");
        DecisionEvent blocked = event(tenant, T0.plusSeconds(1), "block", "prompt_injection_detected");
        DecisionEvent redacted = event(tenant, T0.plusSeconds(2), "redact", "pii_email_redacted", "pci_card_number_redacted");
        deliver(List.of(allowed, blocked, redacted));

        assertThat(eventIds(json(http.get("/v1/events?decision=block", adminToken)))).containsExactly(blocked.eventId());
        assertThat(eventIds(json(http.get("/v1/events?reason_code=pci_card_number_redacted", adminToken))))
                .containsExactly(redacted.eventId());
        assertThat(eventIds(json(http.get("/v1/events?decision=allow&reason_code=pii_email_redacted", adminToken))))
                .isEmpty();
    }

    @Test
    void paginationReturnsEveryEventExactlyOnceNewestFirst() {
        // Two events share a timestamp, so the event_id tie-break is exercised.
        List<DecisionEvent> events = new ArrayList<>(IntStream.range(0, 6)
                .mapToObj(i -> event(tenant, T0.plusMillis(i * 1000L), "allow")).toList());
        events.add(event(tenant, T0.plusMillis(3000), "allow"));
        deliver(events);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(http.get("/v1/events?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), adminToken));
            pageSizes.add(page.get("items").size());
            seen.addAll(eventIds(page));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(events.stream().map(DecisionEvent::eventId).toList());
        List<Instant> order = seen.stream()
                .map(id -> events.stream().filter(e -> e.eventId().equals(id)).findFirst().orElseThrow().ts())
                .toList();
        assertThat(order).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void redeliveredBatchIsStoredOnce() {
        List<DecisionEvent> events = List.of(event(tenant, T0, "allow"), event(tenant, T0.plusSeconds(1), "block"));

        HttpResponse<String> first = deliver(events);
        HttpResponse<String> second = deliver(events);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(second).get("accepted").asInt()).isEqualTo(2);
        assertThat(json(second).get("duplicates").asInt()).isEqualTo(2);
        assertThat(eventIds(json(http.get("/v1/events", adminToken)))).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "unknown", "admin_token_instead", "revoked_by_reissue"})
    void deliveryWithoutValidGatewayTokenIsUnauthorized(String token) {
        String bearer = switch (token) {
            case "missing" -> null;
            case "unknown" -> "pgw_unknownTokenXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
            case "admin_token_instead" -> adminToken;
            case "revoked_by_reissue" -> {
                String old = gatewayToken;
                gatewayToken = provisioning.issueGatewayToken(tenant, "gw-1");
                yield old;
            }
            default -> throw new IllegalArgumentException(token);
        };
        HttpResponse<String> res = http.post("/v1/internal/events", bearer, batch(List.of(event(tenant, T0, "allow"))));

        assertProblem(res, 401, "unauthorized");
        assertThat(res.headers().firstValue("www-authenticate")).hasValue("Bearer");
    }

    @Test
    void batchWithAnotherTenantsEventIsRefusedWhole() {
        String other = provisioning.createTenant("other").id();
        HttpResponse<String> res = deliver(List.of(event(tenant, T0, "allow"), event(other, T0, "allow")));

        assertProblem(res, 403, "tenant_mismatch");
        assertThat(eventIds(json(http.get("/v1/events", adminToken)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{not json", "[]", "{\"events\":[{\"event_id\":\"x\"}]}", "{\"events\":\"nope\"}"})
    void malformedBodyIsBadRequest(String body) {
        assertProblem(http.post("/v1/internal/events", gatewayToken, body), 400, "malformed_request");
    }

    @Test
    void eventIdThatIsNotAUuidIsBadRequest() {
        DecisionEvent e = event(tenant, T0, "allow");
        String body = batch(List.of(e)).replace(e.eventId(), "not-a-uuid");

        assertProblem(http.post("/v1/internal/events", gatewayToken, body), 400, "malformed_request");
    }

    @Test
    void batchOverFiveHundredEventsIsBadRequest() {
        List<DecisionEvent> events = IntStream.range(0, 501).mapToObj(i -> event(tenant, T0, "allow")).toList();

        assertProblem(deliver(events), 400, "batch_too_large");
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLarge() {
        String body = "{\"events\":[],\"pad\":\"" + "x".repeat((int) MAX_BODY) + "\"}";

        assertProblem(http.post("/v1/internal/events", gatewayToken, body), 413, "payload_too_large");
    }

    @Test
    void chunkedBodyOverTheLimitIsPayloadTooLarge() {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        int chunks = (int) (MAX_BODY / chunk.length) + 2;
        HttpRequest req = HttpRequest.newBuilder(http.uri("/v1/internal/events"))
                .header("Authorization", "Bearer " + gatewayToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        java.util.Collections.enumeration(IntStream.range(0, chunks)
                                .mapToObj(i -> new java.io.ByteArrayInputStream(chunk)).toList()))))
                .build();

        assertProblem(http.send(req), 413, "payload_too_large");
    }

    @Test
    void nonJsonContentTypeIsUnsupported() {
        HttpRequest req = HttpRequest.newBuilder(http.uri("/v1/internal/events"))
                .header("Authorization", "Bearer " + gatewayToken)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(batch(List.of())))
                .build();

        assertProblem(http.send(req), 415, "unsupported_media_type");
    }

    @Test
    void adminOfAnotherTenantSeesNoneOfTheseEvents() {
        deliver(List.of(event(tenant, T0, "allow"), event(tenant, T0, "block")));
        String otherTenant = provisioning.createTenant("b").id();
        String otherAdmin = provisioning.issueAdminToken(otherTenant);

        JsonNode page = json(http.get("/v1/events", otherAdmin));

        assertThat(page.get("items")).isEmpty();
        assertThat(eventIds(json(http.get("/v1/events", adminToken)))).hasSize(2);
    }

    @Test
    void listingWithoutOrWithWrongAdminTokenIsUnauthorized() {
        assertProblem(http.get("/v1/events", null), 401, "unauthorized");
        assertProblem(http.get("/v1/events", gatewayToken), 401, "unauthorized");
        HttpRequest basic = HttpRequest.newBuilder(http.uri("/v1/events")).header("Authorization", "Basic " + adminToken).build();
        assertProblem(http.send(basic), 401, "unauthorized");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"decision=quarantine", "limit=0", "limit=501", "limit=ten", "reason_code=Bad-Code",
            "cursor=garbage", "decision=allow&decision=block"})
    void invalidQueryParameterIsBadRequest(String query) {
        assertProblem(http.get("/v1/events?" + query, adminToken), 400, "invalid_parameter");
    }

    @Test
    void largestLimitIsAccepted() {
        assertThat(http.get("/v1/events?limit=500", adminToken).statusCode()).isEqualTo(200);
    }

    @Test
    void eventsIngestedCounterCountsNewEventsOnly() {
        double before = ingestedTotal();
        List<DecisionEvent> events = List.of(event(tenant, T0, "allow"), event(tenant, T0, "allow"));
        deliver(events);
        deliver(events);

        assertThat(ingestedTotal() - before).isEqualTo(2.0);
    }

    private static double ingestedTotal() {
        return http.get("/metrics", null).body().lines()
                .filter(l -> l.startsWith("events_ingested_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    static void assertProblem(HttpResponse<String> res, int status, String code) {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode problem = json(res);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).endsWith(code);
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
        Set<String> fields = new HashSet<>();
        problem.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("type", "title", "status", "detail", "code");
    }
}
