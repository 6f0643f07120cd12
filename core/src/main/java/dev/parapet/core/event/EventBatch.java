package dev.parapet.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /v1/internal/events}: a batch of events from one gateway.
 *
 * @param events the events, oldest first; at most {@link #MAX_EVENTS}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventBatch(@JsonProperty("events") List<DecisionEvent> events) {
    /** The most events one delivery call may carry. */
    public static final int MAX_EVENTS = 500;

    public EventBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
