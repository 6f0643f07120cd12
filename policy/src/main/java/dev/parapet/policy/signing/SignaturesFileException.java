package dev.parapet.policy.signing;

/**
 * A bundle's {@code .signatures.json} is not a valid signatures file: not JSON, a field missing or
 * of the wrong kind, an unknown format, too large. The message says where, e.g.
 * {@code signatures[1].files: 'rules/../x.yaml' is not a bundle path}.
 */
public final class SignaturesFileException extends Exception {

    SignaturesFileException(String message) {
        super(message);
    }

    SignaturesFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
