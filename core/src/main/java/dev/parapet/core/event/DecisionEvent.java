package dev.parapet.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One gateway decision, redacted: schema v1.
 *
 * @param schemaVersion    always {@value #SCHEMA_VERSION} for this record
 * @param eventId          unique id of this event (UUIDv7); delivery is idempotent on it
 * @param decisionId       the id returned to the client in {@code x-parapet-decision-id}
 * @param ts               when the request arrived
 * @param tenantId         the tenant the decision belongs to
 * @param principalId      the caller (or {@code anonymous} when authentication failed)
 * @param principalKind    {@code user}, {@code agent}, {@code service} or {@code anonymous}
 * @param gatewayId        the gateway instance that decided
 * @param provider         the wire format the client spoke ({@code openai})
 * @param endpoint         the operation ({@code chat.completions})
 * @param model            the requested model, or {@code null} when the request could not be parsed
 * @param stream           whether a streamed answer was requested
 * @param decision         {@code allow}, {@code alert}, {@code redact}, {@code hold} or {@code block}
 * @param reasonCodes      stable reason codes explaining the decision
 * @param matchedRules     ids of the policy rules that matched
 * @param findings         finding type to count, e.g. {@code {"pii.email": 2}}
 * @param riskScore        0-100
 * @param httpStatus       the status the client received
 * @param errorCode        a reason code for a failure after the decision (e.g. upstream down), else null
 * @param requestBytes     size of the request body
 * @param gatewayLatencyUs time spent in Parapet's own stages, microseconds, upstream excluded
 * @param upstreamLatencyMs time to the upstream's response headers, milliseconds, or -1 when not forwarded
 * @param bundleDigest     sha256 digest of the policy bundle that decided
 * @param bundleVersion    that bundle's version
 * @param degraded         true when a stage failed and the decision fell back to fail-open or fail-closed
 * @param monitoredRules   ids of matching rules in monitor mode (or outside their canary): what
 *                         they would have done did not change the decision; empty when none
 * @param decisionInput    what policy decided on, without content, so the decision can be
 *                         simulated under another bundle; null when the request was refused
 *                         before policy ran
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionEvent(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("decision_id") String decisionId,
        @JsonProperty("ts") Instant ts,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("principal_id") String principalId,
        @JsonProperty("principal_kind") String principalKind,
        @JsonProperty("gateway_id") String gatewayId,
        @JsonProperty("provider") String provider,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("model") String model,
        @JsonProperty("stream") boolean stream,
        @JsonProperty("decision") String decision,
        @JsonProperty("reason_codes") List<String> reasonCodes,
        @JsonProperty("matched_rules") List<String> matchedRules,
        @JsonProperty("findings") SortedMap<String, Integer> findings,
        @JsonProperty("risk_score") int riskScore,
        @JsonProperty("http_status") int httpStatus,
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("request_bytes") long requestBytes,
        @JsonProperty("gateway_latency_us") long gatewayLatencyUs,
        @JsonProperty("upstream_latency_ms") long upstreamLatencyMs,
        @JsonProperty("bundle_digest") String bundleDigest,
        @JsonProperty("bundle_version") String bundleVersion,
        @JsonProperty("degraded") boolean degraded,
        @JsonProperty("monitored_rules") List<String> monitoredRules,
        @JsonProperty("decision_input") DecisionInput decisionInput) {

    public static final int SCHEMA_VERSION = 1;

    public DecisionEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(decision, "decision");
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        matchedRules = matchedRules == null ? List.of() : List.copyOf(matchedRules);
        monitoredRules = monitoredRules == null ? List.of() : List.copyOf(monitoredRules);
        findings = findings == null ? new TreeMap<>() : new TreeMap<>(findings);
        if (riskScore < 0 || riskScore > 100) {
            throw new IllegalArgumentException("riskScore out of 0..100: " + riskScore);
        }
    }

    /** Counts findings by type, sorted by type, as events carry them. */
    public static SortedMap<String, Integer> countByType(List<String> findingTypes) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (String t : findingTypes) {
            counts.merge(t, 1, Integer::sum);
        }
        return counts;
    }

    /** An immutable view of the findings map. */
    @Override
    public SortedMap<String, Integer> findings() {
        return java.util.Collections.unmodifiableSortedMap(findings);
    }
}
