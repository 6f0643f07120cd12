package dev.parapet.control.policy;

import dev.parapet.policy.signing.KeyFileException;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SigningKey;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the control plane's Ed25519 bundle-signing key comes from. Without one, publishing and
 * rollback are refused (503 {@code no_signing_key}); serving already published versions goes on.
 */
public sealed interface BundleSigning {

    /** No key: this control plane does not sign, so it publishes nothing. */
    record None() implements BundleSigning {
    }

    /** An unencrypted PKCS#8 PEM file, as {@code parapet keys generate} writes it. */
    record KeyFile(Path pem) implements BundleSigning {
        public KeyFile {
            Objects.requireNonNull(pem, "pem");
        }
    }

    /** A key the caller holds, e.g. one the demo generated and keeps under its data directory. */
    record Key(SigningKey key) implements BundleSigning {
        public Key {
            Objects.requireNonNull(key, "key");
        }
    }

    static BundleSigning none() {
        return new None();
    }

    /**
     * The key, read from its file if need be.
     *
     * @throws KeyFileException naming the file when it is unreadable or not an Ed25519 private key
     */
    default Optional<SigningKey> resolve() throws KeyFileException {
        return switch (this) {
            case None n -> Optional.empty();
            case KeyFile f -> Optional.of(PemKeys.readSigningKey(f.pem()));
            case Key k -> Optional.of(k.key());
        };
    }
}
