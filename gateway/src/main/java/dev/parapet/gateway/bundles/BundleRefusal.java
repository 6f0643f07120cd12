package dev.parapet.gateway.bundles;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A bundle the gateway would not enforce. It carries no bundle content: the detail names files,
 * key ids and digests only.
 *
 * @param source         where the refused bundle came from
 * @param reason         the stable code
 * @param detail         what was wrong, for people
 * @param digest         the digest of the refused files, or the one claimed for them, if known
 * @param controlVersion the control plane's version number of the refused bundle, if known
 * @param at             when it was refused
 */
public record BundleRefusal(BundleSource source, RefusalReason reason, String detail, Optional<String> digest,
                            OptionalLong controlVersion, Instant at) {

    public BundleRefusal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(controlVersion, "controlVersion");
        Objects.requireNonNull(at, "at");
    }
}
