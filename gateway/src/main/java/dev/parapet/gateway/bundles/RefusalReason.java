package dev.parapet.gateway.bundles;

import dev.parapet.policy.signing.Verification;
import java.util.Locale;

/**
 * Why the gateway refused a bundle; stable codes, reported in logs, metrics and status reports.
 * The first eight are {@link Verification.Reason}s of the signature check.
 */
public enum RefusalReason {
    /** Trusted keys are configured and the bundle carries no signature. */
    MISSING_SIGNATURE,
    /** The bundle's signatures document is not valid. */
    MALFORMED_SIGNATURES,
    /** The files cannot be a bundle (a disallowed path, too large, empty). */
    INVALID_BUNDLE,
    /** No signature is by a trusted key. */
    UNKNOWN_KEY,
    /** A signature by a trusted key does not verify. */
    BAD_SIGNATURE,
    /** A file differs from what was signed. */
    FILE_CHANGED,
    /** A file was added after signing. */
    FILE_ADDED,
    /** A signed file is missing. */
    FILE_REMOVED,
    /** The digest the control plane (or the on-disk pointer) named is not the digest of the files. */
    DIGEST_MISMATCH,
    /** The bundle is for another tenant than the gateway's. */
    TENANT_MISMATCH,
    /** The files verify but do not make a valid policy bundle (e.g. a rule that does not compile). */
    INVALID_POLICY,
    /** The control plane's answer is not a bundle document. */
    MALFORMED_RESPONSE;

    /** The lower-case code: {@code file_changed}, {@code unknown_key}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code for a refused signature check. */
    public static RefusalReason of(Verification.Reason reason) {
        return switch (reason) {
            case MISSING_SIGNATURE -> MISSING_SIGNATURE;
            case MALFORMED_SIGNATURES -> MALFORMED_SIGNATURES;
            case INVALID_BUNDLE -> INVALID_BUNDLE;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case BAD_SIGNATURE -> BAD_SIGNATURE;
            case FILE_CHANGED -> FILE_CHANGED;
            case FILE_ADDED -> FILE_ADDED;
            case FILE_REMOVED -> FILE_REMOVED;
        };
    }
}
