package dev.parapet.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.control.simulation.Simulation;
import dev.parapet.control.simulation.SimulationReport;
import dev.parapet.control.store.EventStore;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.PolicyEngine;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/policy/simulate}: re-decides the admin token's tenant's recorded decisions
 * under a draft bundle and reports what would change ({@link Simulation}).
 *
 * <pre>
 * {"files": {"manifest.yaml": "&lt;base64&gt;", "rules/10-x.yaml": "&lt;base64&gt;", ...},
 *  "since": "24h",          // or 30m, 7d, or an ISO-8601 instant
 *  "limit": 100000}         // optional, at most 100,000 events, oldest first
 * </pre>
 */
public final class PolicySimulationService implements HttpService {

    /** The most events one simulation reads. */
    public static final int MAX_EVENTS = 100_000;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([mhd])");

    private final BearerAuth admins;
    private final EventStore events;
    private final long maxBodyBytes;
    private final Clock clock;

    public PolicySimulationService(BearerAuth admins, EventStore events, long maxBodyBytes, Clock clock) {
        this.admins = admins;
        this.events = events;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/policy/simulate", this::simulate);
    }

    private void simulate(ServerRequest req, ServerResponse res) throws SQLException {
        String tenantId = admins.tenantOf(req);
        JsonNode body = JsonRequests.object(req, maxBodyBytes, Set.of("files", "since", "limit"));
        PolicyEngine draft = new PolicyEngine(draft(body.get("files")));
        Instant since = since(body.get("since"), clock.instant());
        int limit = limit(body.get("limit"));
        SimulationReport report = Simulation.run(draft, events.since(tenantId, since, limit));
        JsonResponses.send(res, Status.OK_200, report);
    }

    private static PolicyBundle draft(JsonNode files) {
        try {
            return PolicyBundle.fromFiles(BundleFiles.of(PolicyAdminService.files(files)));
        } catch (PolicyBundleException ex) {
            throw malformed("The draft bundle is invalid: " + ex.getMessage());
        }
    }

    /** A duration back from now ({@code 30m}, {@code 24h}, {@code 7d}) or an ISO-8601 instant. */
    static Instant since(JsonNode node, Instant now) {
        if (node == null || !node.isTextual()) {
            throw malformed("'since' must be a duration such as 24h, 30m or 7d, or an ISO-8601 instant.");
        }
        String text = node.asText();
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration back = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(back);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed("'since' must be a duration such as 24h, 30m or 7d, or an ISO-8601 instant, not '"
                    + text.replaceAll("[^A-Za-z0-9:.+-]", "?") + "'.");
        }
    }

    private static int limit(JsonNode node) {
        if (node == null || node.isNull()) {
            return MAX_EVENTS;
        }
        if (!node.isInt() || node.asInt() < 1 || node.asInt() > MAX_EVENTS) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "'limit' must be an integer from 1 to " + MAX_EVENTS + ".");
        }
        return node.asInt();
    }

    private static ApiException malformed(String detail) {
        return new ApiException(ErrorCode.MALFORMED_REQUEST, detail);
    }
}
