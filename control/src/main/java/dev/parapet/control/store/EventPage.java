package dev.parapet.control.store;

import dev.parapet.core.event.DecisionEvent;
import java.util.List;
import java.util.Optional;

/**
 * One page of events, newest first.
 *
 * @param items the events as delivered
 * @param next  where the next page starts, empty when this is the last page
 */
public record EventPage(List<DecisionEvent> items, Optional<EventCursor> next) {
    public EventPage {
        items = List.copyOf(items);
    }
}
