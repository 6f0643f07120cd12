package dev.parapet.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.control.audit.AdminAuditLog;
import dev.parapet.control.audit.AuditEntry;
import dev.parapet.control.provisioning.Caller;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/gateway/bundle-status}: a gateway reports a policy bundle it refused (bad
 * signature, tampered file, wrong tenant, ...) or now enforces. Each report is one
 * {@code admin_audit} row ({@code gateway.bundle_refused} / {@code gateway.bundle_activated},
 * actor {@code gateway:<id>}), stored once per {@code report_id}; refusals are also logged. See
 * docs/control-api.md for the body.
 */
public final class GatewayBundleStatusService implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayBundleStatusService.class);
    private static final Set<String> FIELDS = Set.of("report_id", "ts", "gateway_id", "outcome", "source", "digest",
            "version", "reason", "detail");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z_]{0,63}");
    private static final int MAX_DETAIL = 2_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final BearerAuth gateways;
    private final DataSource dataSource;
    private final long maxBodyBytes;

    public GatewayBundleStatusService(BearerAuth gateways, DataSource dataSource, long maxBodyBytes) {
        this.gateways = gateways;
        this.dataSource = dataSource;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/gateway/bundle-status", this::report);
    }

    private void report(ServerRequest req, ServerResponse res) throws SQLException {
        Caller caller = gateways.callerOf(req);
        ObjectNode body = JsonRequests.object(req, maxBodyBytes, FIELDS);
        AuditEntry entry = entry(caller, body);
        try (Connection c = dataSource.getConnection()) {
            AdminAuditLog.append(c, entry);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // a retried report: already stored
        }
        if (entry.action().equals("gateway.bundle_refused")) {
            LOG.atWarn().addKeyValue("tenant_id", caller.tenantId()).addKeyValue("gateway", caller.actor())
                    .addKeyValue("digest", entry.details().get("digest")).addKeyValue("reason", entry.details().get("reason"))
                    .log("a gateway refused a policy bundle");
        }
        JsonResponses.send(res, Status.ACCEPTED_202, Map.of("accepted", true));
    }

    static AuditEntry entry(Caller caller, JsonNode body) {
        String reportId = text(body, "report_id", true);
        try {
            UUID.fromString(reportId);
        } catch (IllegalArgumentException e) {
            throw malformed("report_id must be a UUID.");
        }
        String outcome = text(body, "outcome", true);
        if (!outcome.equals("refused") && !outcome.equals("activated")) {
            throw malformed("outcome must be refused or activated.");
        }
        String ts = text(body, "ts", true);
        try {
            Instant.parse(ts);
        } catch (DateTimeParseException e) {
            throw malformed("ts must be an ISO-8601 instant.");
        }
        String digest = text(body, "digest", false);
        if (digest != null && !DIGEST.matcher(digest).matches()) {
            throw malformed("digest must be sha256: and 64 lower-case hex digits.");
        }
        String source = word(body, "source", true);
        String reason = word(body, "reason", outcome.equals("refused"));
        String detail = text(body, "detail", false);
        if (detail != null && detail.length() > MAX_DETAIL) {
            throw malformed("detail is longer than " + MAX_DETAIL + " characters.");
        }
        JsonNode version = body.get("version");
        if (version != null && !version.isNull() && !version.canConvertToLong()) {
            throw malformed("version must be an integer or null.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("report_id", reportId);
        details.put("ts", ts);
        details.put("gateway_id", text(body, "gateway_id", false));
        details.put("source", source);
        details.put("digest", digest);
        details.put("version", version == null || version.isNull() ? null : version.asLong());
        details.put("reason", reason);
        details.put("detail", detail);
        return new AuditEntry(caller.tenantId(), caller.actor(), "gateway.bundle_" + outcome,
                "policy_bundle:" + (digest == null ? "unknown" : digest), details);
    }

    private static String word(JsonNode body, String field, boolean required) {
        String value = text(body, field, required);
        if (value != null && !WORD.matcher(value).matches()) {
            throw malformed(field + " must be a lower-case word.");
        }
        return value;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw malformed(field + " is required.");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw malformed(field + " must be a string.");
        }
        return n.asText();
    }

    private static ApiException malformed(String detail) {
        return new ApiException(ErrorCode.MALFORMED_REQUEST, detail);
    }
}
