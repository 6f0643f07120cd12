package dev.parapet.gateway.events;

import dev.parapet.core.event.DecisionEvent;

/** Where the emit stage hands each event. */
@FunctionalInterface
public interface EventSink {
    void accept(DecisionEvent event);
}
