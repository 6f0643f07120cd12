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
    /** A policy bundle upload failed validation; the detail names the file (and rule or field). */
    INVALID_BUNDLE(400, "Invalid policy bundle"),
    UNAUTHORIZED(401, "Unauthorized"),
    TENANT_MISMATCH(403, "Tenant mismatch"),
    NOT_FOUND(404, "Not found"),
    /** The tenant has never published a policy bundle. */
    NO_BUNDLE(404, "No policy bundle"),
    /** A publish or rollback would not change the current version's content. */
    NO_CHANGE(409, "No change"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    INTERNAL_ERROR(500, "Internal error"),
    NOT_READY(503, "Not ready"),
    /** The control plane holds no bundle-signing key, so it does not publish. */
    NO_SIGNING_KEY(503, "No signing key"),
    /** Too many gateways are long-polling at once; retry after {@code Retry-After} seconds. */
    TOO_MANY_LONG_POLLS(503, "Too many long polls");

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
