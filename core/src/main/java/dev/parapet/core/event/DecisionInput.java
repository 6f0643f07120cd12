package dev.parapet.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parapet.core.Finding;
import dev.parapet.core.Severity;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a decision was made on, beyond the event's own fields — enough to decide it again under
 * another bundle ({@code parapet policy simulate}), and nothing of the content: no message text,
 * no finding spans, no tool arguments.
 *
 * @param role         the principal's role
 * @param attributes   the principal's attributes (e.g. team, region), from its credential
 * @param messageCount how many messages the request held
 * @param findings     each finding without its span
 * @param tool         the tool name asked about through the decision API, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionInput(
        @JsonProperty("role") String role,
        @JsonProperty("attributes") Map<String, String> attributes,
        @JsonProperty("message_count") int messageCount,
        @JsonProperty("findings") List<FindingRecord> findings,
        @JsonProperty("tool") String tool) {

    /** Copies the collections; null collections become empty. */
    public DecisionInput {
        Objects.requireNonNull(role, "role");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (messageCount < 0) {
            throw new IllegalArgumentException("messageCount < 0");
        }
    }

    /**
     * A finding as events record it: no span.
     *
     * @param type       e.g. {@code pii.email}
     * @param family     e.g. {@code pii}
     * @param ruleId     the signature or recognizer id
     * @param severity   lower-case severity
     * @param confidence 0–1
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FindingRecord(
            @JsonProperty("type") String type,
            @JsonProperty("family") String family,
            @JsonProperty("rule_id") String ruleId,
            @JsonProperty("severity") String severity,
            @JsonProperty("confidence") double confidence) {

        /** The record of a finding: its span is left out. */
        public static FindingRecord of(Finding f) {
            return new FindingRecord(f.type(), f.family(), f.ruleId(), f.severity().wireName(), f.confidence());
        }

        /** Back to a finding, with an empty span at the start of message 0. */
        public Finding toFinding() {
            return new Finding(type, family, ruleId, Severity.valueOf(severity.toUpperCase(java.util.Locale.ROOT)),
                    confidence, 0, 0, 0);
        }
    }
}
