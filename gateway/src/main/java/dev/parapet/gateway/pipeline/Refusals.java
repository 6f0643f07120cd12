package dev.parapet.gateway.pipeline;

import dev.parapet.core.ReasonCode;

/**
 * The one place that maps built-in reason codes to an HTTP status and an OpenAI-style error type.
 * Policy refusals with bundle-defined codes are 403 {@code policy_violation}.
 */
public final class Refusals {
    private Refusals() {
    }

    public static int status(ReasonCode code) {
        return switch (code) {
            case MISSING_API_KEY, INVALID_API_KEY -> 401;
            case MALFORMED_REQUEST -> 400;
            case REQUEST_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNKNOWN_MODEL -> 404;
            case UPSTREAM_UNAVAILABLE, UPSTREAM_ERROR -> 502;
            case UPSTREAM_TIMEOUT -> 504;
            case PROMPT_INJECTION_DETECTED, PROMPT_INJECTION_SUSPECTED, PII_EMAIL_REDACTED, PCI_CARD_NUMBER_REDACTED, SECRET_REDACTED,
                 PII_IDENTIFIER_REDACTED, PHI_REDACTED, POLICY_ERROR -> 403;
            case INTERNAL_ERROR -> 500;
            case AUDIT_UNAVAILABLE -> 503;
        };
    }

    public static String type(ReasonCode code) {
        return switch (status(code)) {
            case 401 -> "authentication_error";
            case 403 -> "policy_violation";
            case 404 -> "not_found_error";
            case 400, 413, 415 -> "invalid_request_error";
            case 502, 504 -> "upstream_error";
            default -> "server_error";
        };
    }
}
