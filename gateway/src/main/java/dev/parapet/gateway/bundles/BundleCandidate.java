package dev.parapet.gateway.bundles;

import dev.parapet.policy.BundleFiles;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A bundle not yet admitted: its files, its {@code .signatures.json} and what its carrier claims
 * about it (the control plane's answer, or the pointer of the bundle kept on disk).
 *
 * @param files          the bundle's files
 * @param signatures     the bytes of its {@code .signatures.json}, if it has one
 * @param claimedDigest  the digest the carrier named for the files, if any
 * @param claimedTenant  the tenant the carrier named, if any
 * @param controlVersion the control plane's version number, if any
 */
public record BundleCandidate(BundleFiles files, Optional<byte[]> signatures, Optional<String> claimedDigest,
                              Optional<String> claimedTenant, OptionalLong controlVersion) {

    public BundleCandidate {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(claimedDigest, "claimedDigest");
        Objects.requireNonNull(claimedTenant, "claimedTenant");
        Objects.requireNonNull(controlVersion, "controlVersion");
        signatures = signatures.map(byte[]::clone);
    }

    /** A copy of the signatures file's bytes. */
    @Override
    public Optional<byte[]> signatures() {
        return signatures.map(byte[]::clone);
    }
}
