package dev.parapet.control.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Which of a tenant's events to list, newest first.
 *
 * @param decision   only events with this decision, if present
 * @param reasonCode only events carrying this reason code, if present
 * @param limit      page size, 1..{@value #MAX_LIMIT}
 * @param after      continue after this position, if present
 */
public record EventQuery(Optional<String> decision, Optional<String> reasonCode, int limit, Optional<EventCursor> after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public EventQuery {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    /** The first page of all events, {@value #DEFAULT_LIMIT} per page. */
    public static EventQuery newest() {
        return new EventQuery(Optional.empty(), Optional.empty(), DEFAULT_LIMIT, Optional.empty());
    }
}
