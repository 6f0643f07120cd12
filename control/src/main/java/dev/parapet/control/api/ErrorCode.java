package dev.parapet.control.api;

import java.util.Locale;

/**
 * The stable error codes of the control-plane API and the one place that maps them to HTTP
 * status. A code never changes meaning once released; clients branch on it, not on the text.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400, "Malformed request"),
    BATCH_TOO_LARGE(400, "Too many events in one batch"),
    INVALID_PARAMETER(400, "Invalid parameter"),
    UNAUTHORIZED(401, "Unauthorized"),
    TENANT_MISMATCH(403, "Tenant mismatch"),
    NOT_FOUND(404, "Not found"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    INTERNAL_ERROR(500, "Internal error"),
    NOT_READY(503, "Not ready");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The HTTP status this code is answered with. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The wire form, e.g. {@code tenant_mismatch}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The problem {@code type} URI. */
    public String type() {
        return "urn:parapet:problem:" + code();
    }
}
