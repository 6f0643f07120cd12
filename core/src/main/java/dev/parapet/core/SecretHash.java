package dev.parapet.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How both planes store and compare bearer secrets (API keys, admin and gateway tokens): only
 * the SHA-256 of the secret is kept. The secrets are 256-bit random values, so a fast hash is
 * enough; comparisons of hashes are constant-time.
 */
public final class SecretHash {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private SecretHash() {
    }

    /** {@code sha256:} followed by the lower-case hex digest of the secret's UTF-8 bytes. */
    public static String of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Constant-time comparison of two hashes produced by {@link #of}. */
    public static boolean matches(String hashA, String hashB) {
        return MessageDigest.isEqual(hashA.getBytes(StandardCharsets.US_ASCII), hashB.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new secret: the prefix, an underscore and 43 base62 characters (about 256 bits). */
    public static String newSecret(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 43; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** The part of a secret safe to display: its prefix and first four random characters. */
    public static String displayPrefix(String secret) {
        int us = secret.indexOf('_');
        int end = Math.min(secret.length(), us < 0 ? 6 : us + 5);
        return secret.substring(0, end);
    }
}
