package dev.parapet.gateway.bundles;

import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyEngine;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The bundle a gateway enforces, with where it came from. The gateway holds one at a time in an
 * atomic reference and replaces it whole, so a request that reads it once sees one bundle only.
 *
 * @param engine         the policy engine of the bundle
 * @param source         where the bundle came from
 * @param controlVersion the control plane's version number of the bundle, when it came from there
 * @param activatedAt    when this gateway started enforcing it
 */
public record ActiveBundle(PolicyEngine engine, BundleSource source, OptionalLong controlVersion, Instant activatedAt) {

    public ActiveBundle {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(controlVersion, "controlVersion");
        Objects.requireNonNull(activatedAt, "activatedAt");
    }

    /** A bundle that did not come from the control plane. */
    public static ActiveBundle of(PolicyBundle bundle, BundleSource source, Instant at) {
        return new ActiveBundle(new PolicyEngine(bundle), source, OptionalLong.empty(), at);
    }

    public PolicyBundle bundle() {
        return engine.bundle();
    }

    public String digest() {
        return engine.bundle().digest();
    }
}
