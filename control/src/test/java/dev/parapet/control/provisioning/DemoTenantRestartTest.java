package dev.parapet.control.provisioning;

import static dev.parapet.control.Http.json;
import static dev.parapet.control.TestEvents.batch;
import static dev.parapet.control.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.Http;
import dev.parapet.control.TestDatabase;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.core.event.DecisionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo tenant across a full restart of the embedded database and the plane on one data
 * directory, as {@code parapet serve} restarts.
 */
class DemoTenantRestartTest {
    private static Path dataDir;

    @BeforeAll
    static void dir() {
        dataDir = TestDatabase.tempDir("parapet-demo-test");
    }

    @AfterAll
    static void cleanUp() {
        TestDatabase.deleteRecursively(dataDir);
    }

    @Test
    void secretsAndEventsSurviveARestartOnTheSameDataDirectory() {
        ControlConfig config = ControlConfig.embedded(dataDir).withPort(0);
        DecisionEvent delivered = event(DemoTenant.TENANT_ID, Instant.parse("2026-02-01T00:00:00Z"), "block",
                "prompt_injection_detected");

        DemoSecrets first;
        try (ControlDatabase db = ControlDatabase.open(config.database());
                ControlPlane plane = ControlPlane.start(config, db.dataSource())) {
            first = DemoTenant.ensure(plane.provisioning(), Optional.empty());
            assertThat(first.tenantId()).isEqualTo("demo");
            assertThat(first.apiKey()).startsWith("pk_");
            assertThat(first.adminToken()).startsWith("pat_");
            assertThat(first.gatewayToken()).startsWith("pgw_");
            Http http = new Http(plane.url());
            assertThat(http.post("/v1/internal/events", first.gatewayToken(), batch(List.of(delivered))).statusCode())
                    .isEqualTo(202);
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ControlDatabase db = ControlDatabase.open(config.database());
                ControlPlane plane = ControlPlane.start(config, db.dataSource())) {
            DemoSecrets second = DemoTenant.ensure(plane.provisioning(), Optional.of(first));

            assertThat(second).isEqualTo(first);
            assertThat(DemoTenant.stillValid(plane.provisioning(), second)).isTrue();
            var page = json(new Http(plane.url()).get("/v1/events", second.adminToken()));
            assertThat(page.get("items")).hasSize(1);
            assertThat(page.get("items").get(0).get("event_id").asText()).isEqualTo(delivered.eventId());

            DemoSecrets forged = new DemoSecrets("demo", "pk_forged", second.adminToken(), second.gatewayToken());
            DemoSecrets third = DemoTenant.ensure(plane.provisioning(), Optional.of(forged));
            assertThat(third.apiKey()).isNotEqualTo(forged.apiKey()).isNotEqualTo(first.apiKey());
            assertThat(DemoTenant.stillValid(plane.provisioning(), third)).isTrue();
            assertThat(plane.provisioning().findTenant("demo")).isPresent();
        }
    }
}
