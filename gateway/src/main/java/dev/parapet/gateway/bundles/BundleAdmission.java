package dev.parapet.gateway.bundles;

import dev.parapet.gateway.bundles.Admission.Admitted;
import dev.parapet.gateway.bundles.Admission.Refused;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.signing.BundleSignature;
import dev.parapet.policy.signing.BundleVerifier;
import dev.parapet.policy.signing.KeyFileException;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SignaturesFile;
import dev.parapet.policy.signing.SignaturesFileException;
import dev.parapet.policy.signing.TrustedKey;
import dev.parapet.policy.signing.Verification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a bundle from the control plane or from disk may be enforced. In order, the
 * first failure deciding:
 * <ol>
 *   <li>when trusted keys are configured, its signatures verify ({@link BundleVerifier}): signed by a
 *       trusted key, no file changed, added or removed since;</li>
 *   <li>the digest its carrier named is the digest of its files (and so of what was signed);</li>
 *   <li>the tenant its carrier named is the gateway's;</li>
 *   <li>its files make a valid bundle, every condition compiling;</li>
 *   <li>the tenant in its manifest, if any, is the gateway's.</li>
 * </ol>
 * Without trusted keys the signature check is skipped (the gateway logs that at start). The built-in
 * default bundle never passes through here. Immutable and thread-safe.
 */
public final class BundleAdmission {
    private final Optional<BundleVerifier> verifier;
    private final String tenant;

    /**
     * @param keys   the trusted bundle-signing keys; empty to accept unsigned bundles
     * @param tenant the gateway's tenant
     */
    public BundleAdmission(List<TrustedKey> keys, String tenant) {
        this.verifier = keys.isEmpty() ? Optional.empty() : Optional.of(new BundleVerifier(keys));
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /**
     * Admission trusting the Ed25519 public keys in {@code pemFiles}.
     *
     * @throws IllegalArgumentException naming the key file that cannot be read or is not an Ed25519 public key
     */
    public static BundleAdmission trusting(List<Path> pemFiles, String tenant) {
        List<TrustedKey> keys = new ArrayList<>();
        for (Path file : pemFiles) {
            try {
                keys.add(PemKeys.readTrustedKey(file));
            } catch (KeyFileException e) {
                throw new IllegalArgumentException("bundle public key " + e.getMessage(), e);
            }
        }
        return new BundleAdmission(keys, tenant);
    }

    /** Whether bundles must be signed by a trusted key. */
    public boolean requiresSignatures() {
        return verifier.isPresent();
    }

    /** The checks above, answered as {@link Admitted} or {@link Refused}; never throws on bad input. */
    public Admission admit(BundleCandidate candidate) {
        BundleFiles files = candidate.files();
        if (verifier.isPresent()) {
            Optional<Refused> refused = verify(verifier.get(), candidate);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        if (candidate.claimedDigest().isPresent() && !candidate.claimedDigest().get().equals(files.digest())) {
            return new Refused(RefusalReason.DIGEST_MISMATCH, "the bundle was named " + candidate.claimedDigest().get()
                    + " but its files' digest is " + files.digest());
        }
        if (candidate.claimedTenant().isPresent() && !candidate.claimedTenant().get().equals(tenant)) {
            return new Refused(RefusalReason.TENANT_MISMATCH, "the bundle was sent for tenant '"
                    + candidate.claimedTenant().get() + "'; this gateway serves '" + tenant + "'");
        }
        PolicyBundle bundle;
        try {
            bundle = PolicyBundle.fromFiles(files);
        } catch (PolicyBundleException e) {
            return new Refused(RefusalReason.INVALID_POLICY, "not a valid bundle: " + where(e)
                    + " (run 'parapet policy test' on it for the details)");
        }
        if (bundle.manifest().tenant().isPresent() && !bundle.manifest().tenant().get().equals(tenant)) {
            return new Refused(RefusalReason.TENANT_MISMATCH, "manifest.yaml names tenant '"
                    + bundle.manifest().tenant().get() + "'; this gateway serves '" + tenant + "'");
        }
        return new Admitted(bundle);
    }

    private static Optional<Refused> verify(BundleVerifier verifier, BundleCandidate candidate) {
        if (candidate.signatures().isEmpty()) {
            return Optional.of(new Refused(RefusalReason.MISSING_SIGNATURE, "the bundle is not signed and this gateway "
                    + "trusts only signed bundles (gateway.bundle_public_keys)"));
        }
        List<BundleSignature> signatures;
        try {
            signatures = SignaturesFile.parse(candidate.signatures().get());
        } catch (SignaturesFileException e) {
            return Optional.of(new Refused(RefusalReason.MALFORMED_SIGNATURES, BundleFiles.SIGNATURES_FILE + ": "
                    + e.getMessage()));
        }
        return switch (verifier.verify(candidate.files(), signatures)) {
            case Verification.Refused r -> Optional.of(new Refused(RefusalReason.of(r.reason()), r.message()));
            case Verification.Verified v when !v.bundleDigest().equals(candidate.files().digest()) ->
                    Optional.of(new Refused(RefusalReason.DIGEST_MISMATCH, "signed digest " + v.bundleDigest()
                            + " is not the files' digest " + candidate.files().digest()));
            case Verification.Verified v -> Optional.empty();
        };
    }

    /** The file and rule at fault, without the problem text, which may quote a condition. */
    private static String where(PolicyBundleException e) {
        String file = e.file().orElse("the bundle");
        return e.ruleId().map(rule -> file + ", rule '" + rule + "'").orElse(file);
    }
}
