package dev.parapet.control.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.Http;
import dev.parapet.control.TestDatabase;
import dev.parapet.control.audit.AdminAuditLog;
import dev.parapet.control.audit.AuditRecord;
import dev.parapet.control.provisioning.Provisioning;
import dev.parapet.control.store.ControlDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gateways report refused and activated bundles; each report is audited once. */
class GatewayBundleStatusApiTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    private static ControlDatabase db;
    private static ControlPlane plane;
    private static Http http;
    private static Provisioning provisioning;

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

    private static String report(String id, String outcome, String reason) {
        return """
                {"report_id": "%s", "ts": "2026-11-22T10:00:00Z", "gateway_id": "gw-eu-1", "outcome": "%s",
                 "source": "control_plane", "digest": "%s", "version": 7, "reason": %s,
                 "detail": "rules/10-pii.yaml was changed since key 3f9a0c1d2e4b5a6c signed the bundle"}
                """.formatted(id, outcome, DIGEST, reason == null ? "null" : "\"" + reason + "\"");
    }

    @Test
    void aRefusalIsAuditedOnceEvenWhenTheGatewayRetries() throws Exception {
        String tenant = provisioning.createTenant("t").id();
        String token = provisioning.issueGatewayToken(tenant, "gw-eu-1");
        String id = UUID.randomUUID().toString();

        assertThat(http.post("/v1/gateway/bundle-status", token, report(id, "refused", "file_changed")).statusCode()).isEqualTo(202);
        assertThat(http.post("/v1/gateway/bundle-status", token, report(id, "refused", "file_changed")).statusCode()).isEqualTo(202);
        assertThat(http.post("/v1/gateway/bundle-status", token,
                report(UUID.randomUUID().toString(), "activated", null)).statusCode()).isEqualTo(202);

        List<AuditRecord> records = new AdminAuditLog(db.dataSource()).newest(tenant, 10).stream()
                .filter(r -> r.entry().action().startsWith("gateway.")).toList();
        assertThat(records).extracting(r -> r.entry().action())
                .containsExactly("gateway.bundle_activated", "gateway.bundle_refused");
        AuditRecord refused = records.getLast();
        assertThat(refused.entry().actor()).isEqualTo("gateway:gw-eu-1");
        assertThat(refused.entry().target()).isEqualTo("policy_bundle:" + DIGEST);
        assertThat(refused.entry().details()).containsEntry("reason", "file_changed").containsEntry("report_id", id);
    }

    @Test
    void malformedReportsAndOtherCredentialsAreRefused() {
        String tenant = provisioning.createTenant("t").id();
        String token = provisioning.issueGatewayToken(tenant, "gw-1");
        String admin = provisioning.issueAdminToken(tenant);

        assertThat(http.post("/v1/gateway/bundle-status", token, report("not-a-uuid", "refused", "file_changed")).statusCode())
                .isEqualTo(400);
        assertThat(http.post("/v1/gateway/bundle-status", token, report(UUID.randomUUID().toString(), "refused", null))
                .body()).contains("reason is required");
        assertThat(http.post("/v1/gateway/bundle-status", token, "{\"report_id\":\"x\",\"colour\":1}").statusCode()).isEqualTo(400);
        assertThat(http.post("/v1/gateway/bundle-status", admin, report(UUID.randomUUID().toString(), "activated", null))
                .statusCode()).isEqualTo(401);
    }
}
