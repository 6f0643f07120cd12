package dev.parapet.policy.signing;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.signing.Verification.Reason;
import dev.parapet.policy.signing.Verification.Refused;
import dev.parapet.policy.signing.Verification.Verified;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a bundle against its {@code .signatures.json} and a set of trusted public keys; the
 * twin of {@link BundleSigner}.
 *
 * <p>A bundle verifies when at least one signature is by a trusted key, every signature by a
 * trusted key verifies over the canonical manifest rebuilt from its own file list, and that file
 * list is exactly the bundle's files with the same digests. Signatures by keys it does not trust
 * are ignored, which is what lets keys rotate: trust several keys at once (see
 * {@code docs/policy-signing.md}). Checks run in this order, the first failure deciding:
 * {@code MISSING_SIGNATURE}, {@code MALFORMED_SIGNATURES}, {@code INVALID_BUNDLE},
 * {@code UNKNOWN_KEY}, {@code BAD_SIGNATURE}, then the file comparison, whose refusal names the
 * first differing path and mentions the others.
 *
 * <p>Never throws on bad input; instances are immutable and thread-safe.
 */
public final class BundleVerifier {

    private final Map<String, TrustedKey> trusted;

    /**
     * A verifier trusting {@code keys}.
     *
     * @throws IllegalArgumentException when {@code keys} is empty
     */
    public BundleVerifier(Collection<TrustedKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a verifier needs at least one trusted key");
        }
        Map<String, TrustedKey> byId = new LinkedHashMap<>();
        for (TrustedKey key : keys) {
            byId.putIfAbsent(key.keyId(), key);
        }
        this.trusted = Map.copyOf(byId);
    }

    /** Verifies the bundle directory {@code dir} and its {@code .signatures.json}. */
    public Verification verify(Path dir) {
        Path file = dir.resolve(BundleFiles.SIGNATURES_FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Refused.of(Reason.MISSING_SIGNATURE, "the bundle is not signed: " + dir + " has no "
                    + BundleFiles.SIGNATURES_FILE);
        }
        byte[] json;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Refused.of(Reason.MALFORMED_SIGNATURES, BundleFiles.SIGNATURES_FILE + " is not a regular file");
            }
            if (Files.size(file) > SignaturesFile.MAX_BYTES) {
                return Refused.of(Reason.MALFORMED_SIGNATURES, BundleFiles.SIGNATURES_FILE + " is larger than "
                        + SignaturesFile.MAX_BYTES + " bytes");
            }
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            return Refused.of(Reason.MALFORMED_SIGNATURES, "cannot read " + BundleFiles.SIGNATURES_FILE + ": " + e.getMessage());
        }
        List<BundleSignature> signatures;
        try {
            signatures = SignaturesFile.parse(json);
        } catch (SignaturesFileException e) {
            return Refused.of(Reason.MALFORMED_SIGNATURES, BundleFiles.SIGNATURES_FILE + ": " + e.getMessage());
        }
        BundleFiles bundle;
        try {
            bundle = BundleFiles.read(dir);
        } catch (PolicyBundleException e) {
            return Refused.of(Reason.INVALID_BUNDLE, e.getMessage());
        }
        return verify(bundle, signatures);
    }

    /**
     * Verifies a bundle held in memory against the signatures of its {@code .signatures.json}
     * (e.g. as received over the wire).
     */
    public Verification verify(BundleFiles bundle, List<BundleSignature> signatures) {
        if (signatures.isEmpty()) {
            return Refused.of(Reason.MISSING_SIGNATURE, "the bundle is not signed: " + BundleFiles.SIGNATURES_FILE
                    + " holds no signature");
        }
        List<BundleSignature> byTrusted = signatures.stream().filter(s -> trusted.containsKey(s.keyId())).toList();
        if (byTrusted.isEmpty()) {
            return Refused.of(Reason.UNKNOWN_KEY, "signed only by untrusted key(s) "
                    + String.join(", ", signatures.stream().map(BundleSignature::keyId).toList())
                    + "; trusted: " + String.join(", ", new TreeSet<>(trusted.keySet())));
        }
        for (BundleSignature signature : byTrusted) {
            if (!trusted.get(signature.keyId()).verifies(signature.canonicalManifest(), signature.signatureBytes())) {
                return Refused.of(Reason.BAD_SIGNATURE, "the signature by key " + signature.keyId()
                        + " does not match its file list: " + BundleFiles.SIGNATURES_FILE
                        + " was edited or the signature is corrupt");
            }
            if (!signature.bundleDigest().equals(signature.manifestDigest())) {
                return Refused.of(Reason.MALFORMED_SIGNATURES, BundleFiles.SIGNATURES_FILE + ": bundle_digest of key "
                        + signature.keyId() + " is not the digest of its file list");
            }
        }
        for (BundleSignature signature : byTrusted) {
            Optional<Refused> difference = FileDifferences.between(signature, bundle);
            if (difference.isPresent()) {
                return difference.get();
            }
        }
        return new Verified(byTrusted.stream().map(BundleSignature::keyId).toList(), bundle.digest());
    }
}
