package dev.parapet.control.api;

import static dev.parapet.control.Http.json;
import static dev.parapet.control.api.EventApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.Http;
import dev.parapet.control.TestDatabase;
import dev.parapet.control.store.ControlDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Probes, metrics and the fallback of unknown paths. */
class OperationsTest {
    private static ControlDatabase db;
    private static ControlPlane plane;
    private static Http http;

    @BeforeAll
    static void start() {
        db = TestDatabase.openPool();
        plane = ControlPlane.start(ControlConfig.embedded(Path.of("unused")).withPort(0), db.dataSource());
        http = new Http(plane.url());
    }

    @AfterAll
    static void stop() {
        plane.close();
        db.close();
    }

    @Test
    void healthzIsUp() {
        HttpResponse<String> res = http.get("/healthz", null);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(json(res).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readyzIsUpWhenTheDatabaseAnswers() {
        HttpResponse<String> res = http.get("/readyz", null);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(json(res).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readyzIsUnavailableWhenTheDatabaseIsGone() {
        ControlDatabase pool = TestDatabase.openPool();
        try (ControlPlane other = ControlPlane.start(ControlConfig.embedded(Path.of("unused")).withPort(0),
                pool.dataSource())) {
            pool.close();

            assertProblem(new Http(other.url()).get("/readyz", null), 503, "not_ready");
        }
    }

    @Test
    void metricsExposeRequestTimersByRouteAndStatusAndTheIngestCounter() {
        http.get("/healthz", null);
        http.get("/v1/events", null);
        http.get("/no/such/path", null);

        HttpResponse<String> res = http.get("/metrics", null);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
        assertThat(res.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/healthz\"[^}]*status=\"200\"[^}]*} \\d")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/v1/events\"[^}]*status=\"401\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"unmatched\"[^}]*status=\"404\"")
                .contains("events_ingested_total");
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        assertProblem(http.get("/v1/nothing-here", null), 404, "not_found");
    }

    @Test
    void urlNamesTheChosenPort() {
        assertThat(plane.port()).isPositive();
        assertThat(plane.url()).isEqualTo("http://127.0.0.1:" + plane.port());
    }
}
