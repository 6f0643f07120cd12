package dev.parapet.policy.signing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying a bundle's signatures: {@link Verified} or {@link Refused}, with a
 * stable {@link Reason} and, when one file is to blame, its path.
 */
public sealed interface Verification permits Verification.Verified, Verification.Refused {

    /** Why a bundle was refused; stable codes. */
    enum Reason {
        /** No {@code .signatures.json}, or one that holds no signature. */
        MISSING_SIGNATURE,
        /** {@code .signatures.json} is not a valid signatures file. */
        MALFORMED_SIGNATURES,
        /** The bundle directory cannot be read as a bundle (e.g. a symbolic link or a disallowed file name). */
        INVALID_BUNDLE,
        /** No signature is by a trusted key. */
        UNKNOWN_KEY,
        /** A signature by a trusted key does not verify over its file list. */
        BAD_SIGNATURE,
        /** A file's content differs from the signed digest. */
        FILE_CHANGED,
        /** A file is in the bundle but not in the signed file list. */
        FILE_ADDED,
        /** A file of the signed file list is not in the bundle. */
        FILE_REMOVED
    }

    /** Whether the bundle verified. */
    default boolean verified() {
        return this instanceof Verified;
    }

    /**
     * Every signature by a trusted key verified, and each one's file list matches the bundle.
     *
     * @param keyIds       the trusted keys that signed the bundle, in file order (never empty)
     * @param bundleDigest the verified bundle's digest
     */
    record Verified(List<String> keyIds, String bundleDigest) implements Verification {
        public Verified {
            keyIds = List.copyOf(keyIds);
            if (keyIds.isEmpty()) {
                throw new IllegalArgumentException("a verified bundle has at least one signer");
            }
            Objects.requireNonNull(bundleDigest, "bundleDigest");
        }
    }

    /**
     * The bundle must not be loaded.
     *
     * @param reason  the stable code
     * @param file    the bundle path to blame, for the {@code FILE_*} reasons
     * @param message what is wrong, for people, naming the file and key id where there are ones
     */
    record Refused(Reason reason, Optional<String> file, String message) implements Verification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }

        static Refused of(Reason reason, String message) {
            return new Refused(reason, Optional.empty(), message);
        }
    }
}
