package dev.parapet.policy.signing;

import dev.parapet.policy.BundleFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of {@code .signatures.json}: a key's Ed25519 signature over the canonical manifest of
 * the files it lists.
 *
 * <p>The signature covers exactly the bytes {@link #canonicalManifest()} rebuilds from
 * {@code files} — the same bytes {@link BundleFiles#canonicalManifest()} gives for a bundle
 * holding those files — so the file list cannot be edited without breaking the signature, and a
 * verifier can name the file that differs from it. {@code bundleDigest} and {@code signedAt} are
 * not covered: the digest is recomputed and checked against the list, the time is informational.
 *
 * @param keyId        the signing key's id (see {@link TrustedKey#keyIdOf})
 * @param algorithm    always {@value TrustedKey#ALGORITHM}
 * @param files        lower-case hex SHA-256 of each signed file, by bundle path
 * @param bundleDigest {@code sha256:} and the hex SHA-256 of the canonical manifest
 * @param signedAt     when the signature was made, to the second
 * @param signature    the 64-byte Ed25519 signature, base64 (RFC 4648, padded)
 */
public record BundleSignature(String keyId, String algorithm, SortedMap<String, String> files, String bundleDigest,
                              Instant signedAt, String signature) {

    private static final int SIGNATURE_BYTES = 64;

    /**
     * Checks the entry's shape, not its signature.
     *
     * @throws IllegalArgumentException naming the first field that is wrong
     */
    public BundleSignature {
        Objects.requireNonNull(keyId, "key_id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(bundleDigest, "bundle_digest");
        Objects.requireNonNull(signedAt, "signed_at");
        Objects.requireNonNull(signature, "signature");
        if (!keyId.matches("[0-9a-f]{" + TrustedKey.KEY_ID_LENGTH + "}")) {
            throw new IllegalArgumentException("key_id '" + keyId + "' is not " + TrustedKey.KEY_ID_LENGTH
                    + " lower-case hex characters");
        }
        if (!algorithm.equals(TrustedKey.ALGORITHM)) {
            throw new IllegalArgumentException("algorithm '" + algorithm + "' is not supported (only "
                    + TrustedKey.ALGORITHM + ")");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files is empty");
        }
        TreeMap<String, String> sorted = new TreeMap<>(BundleSignature::compareUtf8);
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (!BundleFiles.isAllowedName(e.getKey()) || e.getKey().equals(BundleFiles.SIGNATURES_FILE)) {
                throw new IllegalArgumentException("files: '" + e.getKey() + "' is not a bundle path");
            }
            if (e.getValue() == null || !e.getValue().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("files: the digest of '" + e.getKey()
                        + "' is not 64 lower-case hex characters");
            }
            sorted.put(e.getKey(), e.getValue());
        }
        files = Collections.unmodifiableSortedMap(sorted);
        if (signatureBytes(signature).length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature is not " + SIGNATURE_BYTES + " bytes");
        }
        signedAt = signedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@code key}'s signature over {@code bundle}, made at {@code signedAt}. */
    public static BundleSignature create(BundleFiles bundle, SigningKey key, Instant signedAt) {
        byte[] signature = key.sign(bundle.canonicalManifest());
        return new BundleSignature(key.keyId(), TrustedKey.ALGORITHM, new TreeMap<>(bundle.fileDigests()),
                bundle.digest(), signedAt, Base64.getEncoder().encodeToString(signature));
    }

    /** The canonical manifest of the listed files: {@code <hex> <path>\n} per file, sorted by path. */
    public byte[] canonicalManifest() {
        StringBuilder lines = new StringBuilder();
        files.forEach((path, hex) -> lines.append(hex).append(' ').append(path).append('\n'));
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The digest of {@link #canonicalManifest()}, as {@code bundleDigest} should read. */
    public String manifestDigest() {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalManifest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Whether this signature lists exactly the files of {@code bundle}, byte for byte. */
    public boolean covers(BundleFiles bundle) {
        return files.equals(bundle.fileDigests());
    }

    /** The decoded signature bytes. */
    public byte[] signatureBytes() {
        return signatureBytes(signature);
    }

    private static byte[] signatureBytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature is not base64", e);
        }
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
