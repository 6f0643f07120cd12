package dev.parapet.policy.signing;

import java.util.Objects;

/**
 * A key file cannot be used: it is unreadable, not a PEM key, not Ed25519, encrypted, or the
 * other half of the pair than the one asked for. The message names the file (when there is one)
 * and says what was expected, e.g. {@code keys/signing.pem: holds an RSA key; an Ed25519 key is
 * needed}.
 */
public final class KeyFileException extends Exception {

    /** What is wrong with the key file; stable codes. */
    public enum Problem {
        /** The file cannot be read (missing, a directory, no permission, too large). */
        UNREADABLE,
        /** No PEM key block, broken base64, or DER that is not a key. */
        NOT_A_KEY,
        /** A key of another algorithm (RSA, EC, Ed448, ...). */
        NOT_ED25519,
        /** A password-protected private key; Parapet reads unencrypted PKCS#8 only. */
        ENCRYPTED,
        /** A public key where a private key is expected. */
        PUBLIC_NOT_PRIVATE,
        /** A private key where a public key is expected. */
        PRIVATE_NOT_PUBLIC
    }

    private final Problem problem;

    KeyFileException(Problem problem, String message) {
        this(problem, message, null);
    }

    KeyFileException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** What is wrong with the key file. */
    public Problem problem() {
        return problem;
    }
}
