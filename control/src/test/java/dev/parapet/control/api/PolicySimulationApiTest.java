package dev.parapet.control.api;

import static dev.parapet.control.Http.json;
import static dev.parapet.control.TestEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.Http;
import dev.parapet.control.TestDatabase;
import dev.parapet.control.provisioning.Provisioning;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.core.Ids;
import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.DecisionInput;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/policy/simulate} over real HTTP against the embedded database. */
class PolicySimulationApiTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String MANIFEST = "name: draft\nversion: \"5\"\n";
    private static final String RULES = """
            rules:
              - id: interns-not-on-claude
                when: "principal.role == 'intern' && request.model.startsWith('claude')"
                action: block
                reason_code: model_not_allowed
              - id: block-injection
                when: "risk_band == 'block'"
                action: block
                reason_code: prompt_injection_detected
              - id: redact-email
                when: "findings.exists(f, f.type == 'pii.email')"
                action: redact
                redact: [pii.email]
                reason_code: pii_email_redacted
            """;

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
        plane = ControlPlane.start(ControlConfig.embedded(Path.of("unused")).withPort(0), db.dataSource());
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
        tenant = provisioning.createTenant("sim").id();
        gatewayToken = provisioning.issueGatewayToken(tenant, "gw-1");
        adminToken = provisioning.issueAdminToken(tenant);
    }

    private DecisionEvent event(String tenantId, Instant ts, String decision, List<String> reasons, String model,
                                int risk, DecisionInput input) {
        return new DecisionEvent(DecisionEvent.SCHEMA_VERSION, Ids.newId().toString(), Ids.newId().toString(), ts,
                tenantId, "user-1", "user", "gw-1", "openai", "chat.completions", model, false, decision, reasons,
                List.of(), new TreeMap<>(), risk, 200, null, 321, 87, 3, "sha256:old", "4", false, List.of(), input);
    }

    private static DecisionInput input(String role, String... findingTypes) {
        List<DecisionInput.FindingRecord> findings = new ArrayList<>();
        for (String type : findingTypes) {
            findings.add(new DecisionInput.FindingRecord(type, type.substring(0, type.indexOf('.')), "R-1", "medium", 0.9));
        }
        return new DecisionInput(role, Map.of("team", "core"), 2, findings, null);
    }

    private static String draft(String rules) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"manifest.yaml\":\"" + b64.encodeToString(MANIFEST.getBytes(StandardCharsets.UTF_8))
                + "\",\"rules/10-draft.yaml\":\"" + b64.encodeToString(rules.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    private HttpResponse<String> simulate(String files, String since) {
        return http.post("/v1/policy/simulate", adminToken, "{\"files\":" + files + ",\"since\":\"" + since + "\"}");
    }

    @Test
    void reportsWhatTheDraftWouldChangeWithExampleDecisionIds() {
        DecisionEvent email = event(tenant, NOW.minusSeconds(3600), "allow", List.of(), "gpt-4o", 5, input("developer", "pii.email"));
        DecisionEvent injection = event(tenant, NOW.minusSeconds(7200), "block", List.of("prompt_injection_detected"), "gpt-4o",
                91, input("developer", "injection.instruction_override"));
        DecisionEvent intern = event(tenant, NOW.minusSeconds(10800), "allow", List.of(), "claude-sonnet-4", 2, input("intern"));
        DecisionEvent refusedBeforePolicy = event(tenant, NOW.minusSeconds(60), "block", List.of("invalid_api_key"), null, 0, null);
        DecisionEvent tooOld = event(tenant, NOW.minus(2, ChronoUnit.DAYS), "allow", List.of(), "claude-sonnet-4", 2, input("intern"));
        String other = provisioning.createTenant("other").id();
        DecisionEvent otherTenants = event(other, NOW.minusSeconds(60), "allow", List.of(), "claude-sonnet-4", 2, input("intern"));
        assertThat(http.post("/v1/internal/events", gatewayToken,
                batch(List.of(email, injection, intern, refusedBeforePolicy, tooOld))).statusCode()).isEqualTo(202);
        assertThat(http.post("/v1/internal/events", provisioning.issueGatewayToken(other, "gw-2"),
                batch(List.of(otherTenants))).statusCode()).isEqualTo(202);

        HttpResponse<String> res = simulate(draft(RULES), "24h");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode report = json(res);
        assertThat(report.get("draft_version").asText()).isEqualTo("5");
        assertThat(report.get("events").asInt()).isEqualTo(4);
        assertThat(report.get("simulated").asInt()).isEqualTo(3);
        assertThat(report.get("skipped").asInt()).isEqualTo(1);
        assertThat(report.get("changed").asInt()).isEqualTo(2);
        assertThat(report.get("degraded").asInt()).isZero();
        assertThat(report.get("transitions").toString())
                .contains("{\"key\":\"allow -> block\",\"count\":1,\"changed\":1,\"examples\":[\"" + intern.decisionId() + "\"]}")
                .contains("{\"key\":\"allow -> redact\",\"count\":1,\"changed\":1,\"examples\":[\"" + email.decisionId() + "\"]}");
        assertThat(report.get("rules").toString())
                .contains("{\"key\":\"block-injection\",\"count\":1,\"changed\":0,\"examples\":[]}");
        assertThat(res.body()).doesNotContain(otherTenants.decisionId());
    }

    @Test
    void anInvalidDraftIsRefusedNamingTheFile() {
        HttpResponse<String> res = simulate(draft(RULES.replace("action: redact", "action: quarantine")), "24h");

        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(json(res).get("code").asText()).isEqualTo("malformed_request");
        assertThat(json(res).get("detail").asText()).contains("rules/10-draft.yaml").contains("unknown action 'quarantine'");
    }

    @Test
    void sinceMustBeADurationOrAnInstantAndTheCallerAnAdmin() {
        assertThat(simulate(draft(RULES), "yesterday").statusCode()).isEqualTo(400);
        assertThat(simulate(draft(RULES), NOW.minusSeconds(60).toString()).statusCode()).isEqualTo(200);
        assertThat(http.post("/v1/policy/simulate", gatewayToken, "{}").statusCode()).isEqualTo(401);
    }
}
