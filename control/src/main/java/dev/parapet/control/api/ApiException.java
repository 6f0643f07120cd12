package dev.parapet.control.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Thrown by handlers to answer with a problem response. The detail is shown to the client, so
 * it must never carry a secret or another tenant's data.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, String> extensions;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    /**
     * A problem with extension members (RFC 9457 §3.2) after the standard ones, e.g.
     * {@code {"file": "rules/10-pii.yaml"}}.
     */
    public ApiException(ErrorCode code, String detail, Map<String, String> extensions) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.extensions = new TreeMap<>(extensions);
    }

    /** Extension members of the problem, sorted by name. */
    public Map<String, String> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
