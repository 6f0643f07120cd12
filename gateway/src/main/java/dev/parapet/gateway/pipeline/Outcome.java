package dev.parapet.gateway.pipeline;

import dev.parapet.core.ReasonCode;
import java.util.Objects;

/** How an exchange ended: refused with a typed error, or answered by the upstream. */
public sealed interface Outcome {

    int status();

    /**
     * The gateway refuses the request, or could not complete it. The client receives an
     * OpenAI-style error body built from these fields and nothing else.
     *
     * @param status  the HTTP status
     * @param type    the error type in the body ({@code invalid_request_error}, {@code policy_violation}, ...)
     * @param code    a stable reason code
     * @param message a human-readable message; never contains prompt text, secrets or upstream bodies
     */
    record Refused(int status, String type, String code, String message) implements Outcome {
        public Refused {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        /** A refusal with a built-in reason code, its status and type taken from {@link Refusals}. */
        public static Refused of(ReasonCode code, String message) {
            return new Refused(Refusals.status(code), Refusals.type(code), code.code(), message);
        }
    }

    /**
     * The upstream's answer has been written to the client (a body or a complete stream).
     *
     * @param status the status the client received
     */
    record Delivered(int status) implements Outcome {
    }
}
