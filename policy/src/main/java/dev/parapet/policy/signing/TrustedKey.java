package dev.parapet.policy.signing;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An Ed25519 public key that a verifier trusts, with its key id.
 *
 * <p>The key id is the first {@value #KEY_ID_LENGTH} lower-case hex characters of the SHA-256 of
 * the key's X.509 SubjectPublicKeyInfo DER encoding (the bytes inside a {@code PUBLIC KEY} PEM
 * block), so anyone holding the public key file can recompute it, e.g.
 * {@code openssl pkey -pubin -in public.pem -outform DER | sha256sum | cut -c1-16}.
 *
 * @param keyId     the key id derived from {@code publicKey}
 * @param publicKey an Ed25519 public key
 */
public record TrustedKey(String keyId, PublicKey publicKey) {

    /** The length of a key id in hex characters (64 bits). */
    public static final int KEY_ID_LENGTH = 16;

    /** The signature algorithm, as named in {@code .signatures.json} and by the JDK. */
    public static final String ALGORITHM = "Ed25519";

    public TrustedKey {
        Objects.requireNonNull(publicKey, "publicKey");
        if (!isEd25519(publicKey)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + publicKey.getAlgorithm());
        }
        if (!keyIdOf(publicKey).equals(keyId)) {
            throw new IllegalArgumentException("key id " + keyId + " does not belong to this public key");
        }
    }

    /** The trusted key of an Ed25519 public key, with its derived key id. */
    public static TrustedKey of(PublicKey publicKey) {
        return new TrustedKey(keyIdOf(publicKey), publicKey);
    }

    /** The key id of an Ed25519 public key: hex SHA-256 of its SubjectPublicKeyInfo DER, first 16 characters. */
    public static String keyIdOf(PublicKey publicKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(hash).substring(0, KEY_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code data}. */
    public boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Ed25519 key refused by the JDK", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 missing from the JDK", e);
        }
    }

    static boolean isEd25519(PublicKey key) {
        return key instanceof EdECPublicKey ed
                && ed.getParams() instanceof NamedParameterSpec spec
                && spec.getName().equalsIgnoreCase(ALGORITHM);
    }
}
