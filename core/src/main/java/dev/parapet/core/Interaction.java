package dev.parapet.core;

import java.util.List;
import java.util.Objects;

/**
 * A request to a model, normalised from its provider's wire format: what detectors scan and
 * policies judge. It holds prompt text and must never leave the gateway; events carry only
 * what {@link dev.parapet.core.event.DecisionEvent} names.
 *
 * @param provider     the wire format the client spoke (e.g. {@code openai})
 * @param endpoint     the API operation (e.g. {@code chat.completions})
 * @param model        the model the client asked for
 * @param messages     the conversation, in order
 * @param stream       whether the client asked for a streamed answer
 * @param requestBytes the size of the request body as received
 */
public record Interaction(String provider, String endpoint, String model, List<ChatMessage> messages,
                          boolean stream, int requestBytes) {
    public Interaction {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
    }
}
