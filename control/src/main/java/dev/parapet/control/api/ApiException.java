package dev.parapet.control.api;

import java.util.Objects;

/**
 * Thrown by handlers to answer with a problem response. The detail is shown to the client, so
 * it must never carry a secret or another tenant's data.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;

    public ApiException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
