package dev.parapet.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DecisionEventTest {

    static DecisionEvent sample() {
        return new DecisionEvent(DecisionEvent.SCHEMA_VERSION, "e1", "d1", Instant.parse("2026-11-22T10:15:30.123Z"),
                "t1", "key-1", "service", "gw-1", "openai", "chat.completions", "parapet-echo", false, "redact",
                List.of("pii_email_redacted"), List.of("redact-email"), new TreeMap<>(Map.of("pii.email", 2)), 20,
                200, null, 321, 87, 3, "sha256:abc", "1", false, List.of(), null);
    }

    @Test
    void serialisesWithSnakeCaseFieldsAndIsoTimestamp() throws Exception {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(sample()));

        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("ts").asText()).isEqualTo("2026-11-22T10:15:30.123Z");
        assertThat(json.get("reason_codes").get(0).asText()).isEqualTo("pii_email_redacted");
        assertThat(json.get("findings").get("pii.email").asInt()).isEqualTo(2);
        assertThat(json.has("error_code")).isTrue();
        assertThat(json.get("error_code").isNull()).isTrue();
    }

    @Test
    void roundTripsAndIgnoresFieldsAddedByLaterVersions() throws Exception {
        String json = EventJson.write(sample()).replaceFirst("\\{", "{\"added_in_v1_1\":true,");

        assertThat(EventJson.readEvent(json)).isEqualTo(sample());
    }

    @Test
    void rejectsRiskOutsideRange() {
        assertThatThrownBy(() -> new DecisionEvent(1, "e", "d", Instant.now(), "t", "p", "user", "g", "openai",
                "chat.completions", "m", false, "allow", List.of(), List.of(), null, 101, 200, null, 0, 0, 0, "x",
                "1", false, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsFindingTypes() {
        assertThat(DecisionEvent.countByType(List.of("pii.email", "pci.card_number", "pii.email")))
                .containsExactly(Map.entry("pci.card_number", 1), Map.entry("pii.email", 2));
    }
}
