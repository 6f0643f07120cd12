package dev.parapet.control.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes and metrics, unauthenticated: {@code /healthz} (the process serves requests),
 * {@code /readyz} (the database answers {@code select 1}; 503 {@code not_ready} otherwise) and
 * {@code /metrics} (Prometheus text format).
 */
public final class OperationsService implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsService.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final int READY_QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final PrometheusMeterRegistry registry;

    public OperationsService(DataSource dataSource, PrometheusMeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/healthz", this::health)
                .get("/readyz", this::ready)
                .get("/metrics", this::metrics);
    }

    private void health(ServerRequest req, ServerResponse res) {
        JsonResponses.send(res, Status.OK_200, Map.of("status", "UP"));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        if (!databaseAnswers()) {
            throw new ApiException(ErrorCode.NOT_READY, "The database does not answer.");
        }
        JsonResponses.send(res, Status.OK_200, Map.of("status", "UP"));
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(READY_QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery("select 1")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            LOG.atWarn().addKeyValue("sql_state", e.getSQLState()).log("readiness check failed");
            return false;
        }
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT);
        res.send(registry.scrape());
    }
}
