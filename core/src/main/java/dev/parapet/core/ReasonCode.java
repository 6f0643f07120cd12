package dev.parapet.core;

import java.util.Optional;

/**
 * The stable reason codes built into Parapet. A code never changes meaning once released; SIEM
 * rules and dashboards depend on it. Each is documented in {@code docs/reason-codes.md}.
 *
 * <p>Policy bundles may define further codes of their own (same syntax); these are the ones the
 * gateway itself emits and the default bundle uses.
 */
public enum ReasonCode {
    // Policy decisions of the default bundle.
    PROMPT_INJECTION_DETECTED("prompt_injection_detected", "The risk score reached the block band: a prompt injection or jailbreak is likely."),
    PROMPT_INJECTION_SUSPECTED("prompt_injection_suspected", "The risk score is in the hold band: the request may be a prompt injection; it is held for review where the rule is enforced."),
    PII_EMAIL_REDACTED("pii_email_redacted", "E-mail addresses were masked before the request was forwarded."),
    PCI_CARD_NUMBER_REDACTED("pci_card_number_redacted", "Payment card numbers (Luhn-valid) were masked before the request was forwarded."),
    SECRET_REDACTED("secret_redacted", "Credentials (API keys, tokens, private keys, passwords in URLs) were masked before the request was forwarded."),
    PII_IDENTIFIER_REDACTED("pii_identifier_redacted", "Government, tax or bank identifiers were masked before the request was forwarded."),
    PHI_REDACTED("phi_redacted", "Health identifiers were masked before the request was forwarded."),

    // Request errors decided before policy runs.
    MISSING_API_KEY("missing_api_key", "The request carried no Parapet API key."),
    INVALID_API_KEY("invalid_api_key", "The API key is unknown, revoked or malformed."),
    MALFORMED_REQUEST("malformed_request", "The request body is not valid JSON of the expected shape."),
    REQUEST_TOO_LARGE("request_too_large", "The request body exceeds the configured limit."),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "The request body is not application/json."),
    UNKNOWN_MODEL("unknown_model", "No upstream is configured for the requested model."),

    // Failures after the decision.
    UPSTREAM_UNAVAILABLE("upstream_unavailable", "The upstream provider could not be reached."),
    UPSTREAM_TIMEOUT("upstream_timeout", "The upstream provider did not answer in time."),
    UPSTREAM_ERROR("upstream_error", "The upstream provider answered with an unusable response."),

    // Failures of Parapet itself; fail-closed.
    POLICY_ERROR("policy_error", "A policy or detector failed; the request was refused (fail-closed)."),
    INTERNAL_ERROR("internal_error", "An unexpected gateway error; the request was refused (fail-closed)."),
    AUDIT_UNAVAILABLE("audit_unavailable", "The gateway cannot record events (its spool is not writable); requests are refused until it can.");

    private final String code;
    private final String description;

    ReasonCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The stable wire form, e.g. {@code prompt_injection_detected}. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** Finds a built-in code by its wire form. */
    public static Optional<ReasonCode> fromCode(String code) {
        for (ReasonCode rc : values()) {
            if (rc.code.equals(code)) {
                return Optional.of(rc);
            }
        }
        return Optional.empty();
    }

    /** Whether a string has the syntax of a reason code: lower-case letters, digits and underscores. */
    public static boolean isWellFormed(String code) {
        return code != null && code.matches("[a-z][a-z0-9_]{1,63}");
    }
}
