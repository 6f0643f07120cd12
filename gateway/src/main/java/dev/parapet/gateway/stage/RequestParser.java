package dev.parapet.gateway.stage;

import dev.parapet.core.Interaction;
import dev.parapet.core.ToolCall;

/** Turns a request body of one API into the normalised interaction the later stages read. */
@FunctionalInterface
public interface RequestParser {

    /** What a body parsed to. */
    sealed interface Result {
        /**
         * @param parsedBody  the API-specific parse, for later stages of that API to use
         * @param interaction what detectors scan and policy judges
         * @param tool        the tool call asked about, or null
         */
        record Valid(Object parsedBody, Interaction interaction, ToolCall tool) implements Result {
        }

        /** @param problem what is wrong, naming the field, never quoting content */
        record Invalid(String problem) implements Result {
        }
    }

    Result parse(byte[] body, String provider, String endpoint);
}
