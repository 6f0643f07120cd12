package dev.parapet.policy.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 key pair that signs bundles: the private key, its public key and their key id (see
 * {@link TrustedKey#keyIdOf}).
 *
 * <p>A PKCS#8 private key file holds only the 32-byte seed, so {@link #of(PrivateKey)} derives the
 * public key by running the JDK's Ed25519 key pair generator on that seed, then checks the
 * derivation by signing and verifying a probe; a JDK where that does not hold fails loudly rather
 * than signing under a wrong key id.
 *
 * @param keyId      the key id of {@code publicKey}
 * @param privateKey an Ed25519 private key
 * @param publicKey  its public key
 */
public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {

    private static final int SEED_BYTES = 32;
    private static final byte[] PROBE = "parapet signing key check".getBytes(StandardCharsets.US_ASCII);

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        if (!isEd25519(privateKey)) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + privateKey.getAlgorithm());
        }
        Objects.requireNonNull(publicKey, "publicKey");
        if (!TrustedKey.isEd25519(publicKey)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + publicKey.getAlgorithm());
        }
        if (!TrustedKey.keyIdOf(publicKey).equals(keyId)) {
            throw new IllegalArgumentException("key id " + keyId + " does not belong to this public key");
        }
    }

    /** A fresh key pair from the JDK's strong random source. */
    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(TrustedKey.ALGORITHM).generateKeyPair();
            return new SigningKey(TrustedKey.keyIdOf(pair.getPublic()), pair.getPrivate(), pair.getPublic());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 missing from the JDK", e);
        }
    }

    /**
     * The signing key of an Ed25519 private key, with its public key derived from it.
     *
     * @throws IllegalArgumentException when {@code privateKey} is not an Ed25519 key
     */
    public static SigningKey of(PrivateKey privateKey) {
        if (!isEd25519(privateKey)) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + privateKey.getAlgorithm());
        }
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key's bytes are not available"));
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(TrustedKey.ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("Ed25519 missing from the JDK", e);
        }
        SigningKey key = new SigningKey(TrustedKey.keyIdOf(pair.getPublic()), privateKey, pair.getPublic());
        if (!TrustedKey.of(key.publicKey()).verifies(PROBE, key.sign(PROBE))) {
            throw new IllegalStateException("could not derive the public key of an Ed25519 private key on this JDK");
        }
        return key;
    }

    /** The public half, as a verifier would trust it. */
    public TrustedKey trustedKey() {
        return new TrustedKey(keyId, publicKey);
    }

    /** The 64-byte Ed25519 signature of {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(TrustedKey.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + "]";
    }

    private static boolean isEd25519(PrivateKey key) {
        return key instanceof EdECPrivateKey ed
                && ed.getParams() instanceof NamedParameterSpec spec
                && spec.getName().equalsIgnoreCase(TrustedKey.ALGORITHM);
    }

    /** Hands the key pair generator the seed it would otherwise draw at random, once. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;
        private boolean used;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != SEED_BYTES || seed.length != SEED_BYTES) {
                throw new IllegalStateException("unexpected use of the seed by the Ed25519 key pair generator");
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, SEED_BYTES);
            Arrays.fill(seed, (byte) 0);
        }
    }
}
