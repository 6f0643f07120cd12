package dev.parapet.control;

import dev.parapet.core.Ids;
import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.EventBatch;
import dev.parapet.core.event.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders of schema-v1 events for tests. */
public final class TestEvents {
    private TestEvents() {
    }

    public static DecisionEvent event(String tenantId, Instant ts, String decision, String... reasonCodes) {
        return new DecisionEvent(DecisionEvent.SCHEMA_VERSION, Ids.newId().toString(), Ids.newId().toString(), ts,
                tenantId, "key-1", "service", "gw-1", "openai", "chat.completions", "parapet-echo", false, decision,
                List.of(reasonCodes), List.of(), new TreeMap<>(Map.of("pii.email", 1)), 20, 200, null, 321, 87, 3,
                "sha256:abc", "1", false, List.of(), null);
    }

    public static String batch(List<DecisionEvent> events) {
        return EventJson.write(new EventBatch(events));
    }
}
