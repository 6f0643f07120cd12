package dev.parapet.gateway.bundles;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.PolicyEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the bundle a gateway enforces from its first request on, before it has reached the
 * control plane:
 * <ol>
 *   <li>with a control plane, the last good bundle kept on disk, if it is admitted again (its
 *       signatures and digest are checked as if it had just arrived);</li>
 *   <li>else the bundle named by {@code gateway.policy_bundle} (a directory, or a single file);</li>
 *   <li>else the built-in default bundle.</li>
 * </ol>
 * A configured bundle that is refused stops the start: it is the operator's own. A kept bundle that
 * is refused (changed on disk) is logged as an error, reported, and skipped.
 */
public final class InitialBundle {
    private static final Logger LOG = LoggerFactory.getLogger(InitialBundle.class);

    private InitialBundle() {
    }

    /**
     * @param configured   {@code gateway.policy_bundle}, if set
     * @param controlPlane whether a control plane is configured (only then is the kept bundle used)
     * @throws IllegalArgumentException when the configured bundle is invalid or refused
     * @throws UncheckedIOException     when the configured bundle cannot be read
     */
    public static ActiveBundle choose(Optional<Path> configured, boolean controlPlane, BundleAdmission admission,
                                      BundleStore store, BundleListener listener, Instant now) {
        ActiveBundle fallback = configured.map(path -> configured(path, admission, now))
                .orElseGet(() -> ActiveBundle.of(PolicyBundle.defaults(), BundleSource.DEFAULT, now));
        if (!controlPlane) {
            return fallback;
        }
        return switch (store.load()) {
            case BundleStore.Stored.Nothing n -> fallback;
            case BundleStore.Stored.Unreadable u -> refused(u.reason(), u.detail(), Optional.empty(), OptionalLong.empty(),
                    fallback, store, listener, now);
            case BundleStore.Stored.Found f -> switch (admission.admit(f.candidate())) {
                case Admission.Admitted a -> {
                    ActiveBundle kept = new ActiveBundle(new PolicyEngine(a.bundle()), BundleSource.PERSISTED,
                            f.candidate().controlVersion(), now);
                    LOG.info("policy bundle loaded from {} name={} version={} digest={}", store.dir(), a.bundle().name(),
                            a.bundle().version(), a.bundle().digest());
                    yield kept;
                }
                case Admission.Refused r -> refused(r.reason(), r.detail(), f.candidate().claimedDigest(),
                        f.candidate().controlVersion(), fallback, store, listener, now);
            };
        };
    }

    private static ActiveBundle refused(RefusalReason reason, String detail, Optional<String> digest,
                                        OptionalLong version, ActiveBundle fallback, BundleStore store,
                                        BundleListener listener, Instant now) {
        LOG.error("the policy bundle kept in {} was REFUSED reason={} digest={} detail={}; it may have been changed "
                        + "on disk. Enforcing the {} bundle digest={} until the control plane sends a good one",
                store.dir(), reason.code(), digest.orElse("unknown"), detail, fallback.source().wireName(),
                fallback.digest());
        listener.refused(new BundleRefusal(BundleSource.PERSISTED, reason, detail, digest, version, now));
        return fallback;
    }

    private static ActiveBundle configured(Path path, BundleAdmission admission, Instant now) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return directory(path, admission, now);
        }
        if (admission.requiresSignatures()) {
            throw new IllegalArgumentException("policy bundle " + path + " is a single file, which cannot be signed, and "
                    + "gateway.bundle_public_keys requires signed bundles: use a bundle directory signed with "
                    + "'parapet policy sign'");
        }
        try {
            return ActiveBundle.of(PolicyBundle.parse(Files.readAllBytes(path)), BundleSource.FILE, now);
        } catch (PolicyBundleException e) {
            throw new IllegalArgumentException("policy bundle " + path + " is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("policy bundle " + path + " cannot be read", e);
        }
    }

    private static ActiveBundle directory(Path dir, BundleAdmission admission, Instant now) {
        BundleFiles files;
        Optional<byte[]> signatures;
        try {
            files = BundleFiles.read(dir);
            Path file = dir.resolve(BundleFiles.SIGNATURES_FILE);
            signatures = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (PolicyBundleException e) {
            throw new IllegalArgumentException("policy bundle " + dir + " is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("policy bundle " + dir + " cannot be read", e);
        }
        return switch (admission.admit(new BundleCandidate(files, signatures, Optional.empty(), Optional.empty(),
                OptionalLong.empty()))) {
            case Admission.Admitted a -> ActiveBundle.of(a.bundle(), BundleSource.FILE, now);
            case Admission.Refused r -> throw new IllegalArgumentException("policy bundle " + dir + " refused ("
                    + r.reason().code() + "): " + r.detail());
        };
    }
}
