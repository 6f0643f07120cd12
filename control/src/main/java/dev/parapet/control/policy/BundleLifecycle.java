package dev.parapet.control.policy;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.signing.BundleSignature;
import dev.parapet.policy.signing.SignaturesFile;
import dev.parapet.policy.signing.SignaturesFileException;
import dev.parapet.policy.signing.SigningKey;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing and rolling back a tenant's policy bundle: every change is a new immutable version,
 * validated, signed by the control plane and audited, then announced to waiting gateways.
 *
 * <p>Signatures that came with an upload are kept when they cover exactly its files (their key
 * ids may belong to the author's own keys; the control plane does not hold those public keys,
 * so, as with {@code parapet policy sign}, gateways check each signature by a key they trust);
 * signatures over other content are dropped, and one by the control plane's key is replaced.
 */
public final class BundleLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(BundleLifecycle.class);

    private final PolicyVersionStore store;
    private final Optional<SigningKey> key;
    private final HeadSignals signals;
    private final Clock clock;

    public BundleLifecycle(PolicyVersionStore store, Optional<SigningKey> key, HeadSignals signals, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The control plane's signing key, if it has one. */
    public Optional<SigningKey> signingKey() {
        return key;
    }

    /** Validates, signs and stores an upload as the tenant's next version. */
    public LifecycleOutcome publish(String tenantId, String author, Upload upload) throws SQLException {
        if (key.isEmpty()) {
            return new LifecycleOutcome.NoSigningKey();
        }
        BundleFiles files;
        PolicyBundle bundle;
        try {
            files = BundleFiles.of(upload.files());
            bundle = PolicyBundle.fromFiles(files);
        } catch (PolicyBundleException e) {
            return new LifecycleOutcome.Invalid(e.getMessage(), e.file());
        }
        Optional<String> bundleTenant = bundle.manifest().tenant();
        if (bundleTenant.isPresent() && !bundleTenant.get().equals(tenantId)) {
            return new LifecycleOutcome.Invalid("manifest.yaml: tenant: the bundle is for tenant '" + bundleTenant.get()
                    + "', not '" + tenantId + "'", Optional.of("manifest.yaml"));
        }
        List<BundleSignature> uploaded = List.of();
        if (upload.signatures().isPresent()) {
            try {
                uploaded = SignaturesFile.parse(upload.signatures().get());
            } catch (SignaturesFileException e) {
                return new LifecycleOutcome.Invalid(BundleFiles.SIGNATURES_FILE + ": " + e.getMessage(),
                        Optional.of(BundleFiles.SIGNATURES_FILE));
            }
        }
        String reason = upload.reason().or(() -> bundle.manifest().message()).orElse("");
        return append(new NewVersion(tenantId, VersionKind.PUBLISH, Optional.empty(), files,
                sign(files, uploaded), key.get().keyId(), author, reason));
    }

    /** Publishes the content of the tenant's {@code version} again, re-signed, as its next version. */
    public LifecycleOutcome rollback(String tenantId, String author, int version, String reason) throws SQLException {
        if (key.isEmpty()) {
            return new LifecycleOutcome.NoSigningKey();
        }
        Optional<StoredBundle> target = store.load(tenantId, version);
        if (target.isEmpty()) {
            return new LifecycleOutcome.UnknownVersion(version);
        }
        BundleFiles files = target.get().files();
        return append(new NewVersion(tenantId, VersionKind.ROLLBACK, Optional.of(version), files,
                sign(files, target.get().signatures()), key.get().keyId(), author, reason));
    }

    private LifecycleOutcome append(NewVersion next) throws SQLException {
        return switch (store.append(next)) {
            case AppendResult.Unchanged u -> new LifecycleOutcome.Unchanged(u.head());
            case AppendResult.Appended a -> {
                signals.changed(next.tenantId());
                PolicyVersion v = a.version();
                LOG.atInfo().addKeyValue("tenant_id", v.tenantId()).addKeyValue("version", v.version())
                        .addKeyValue("kind", v.kind().wire()).addKeyValue("digest", v.digest())
                        .addKeyValue("author", v.author()).log("policy version published");
                yield new LifecycleOutcome.Published(v, next.signatures().stream().map(BundleSignature::keyId).toList());
            }
        };
    }

    /** The signatures a stored version carries: those of {@code existing} that still hold, then the control plane's. */
    private List<BundleSignature> sign(BundleFiles files, List<BundleSignature> existing) {
        SigningKey signer = key.orElseThrow();
        List<BundleSignature> kept = new ArrayList<>();
        for (BundleSignature s : existing) {
            if (!s.keyId().equals(signer.keyId()) && s.covers(files) && s.bundleDigest().equals(s.manifestDigest())
                    && kept.size() < SignaturesFile.MAX_SIGNATURES - 1) {
                kept.add(s);
            }
        }
        kept.add(BundleSignature.create(files, signer, clock.instant()));
        return kept;
    }
}
