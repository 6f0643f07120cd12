package dev.parapet.gateway.bundles;

import java.util.Locale;

/** Where the bundle a gateway enforces came from; shown in {@code /readyz} and on metrics. */
public enum BundleSource {
    /** The bundle compiled into Parapet. */
    DEFAULT,
    /** The file or directory named by {@code gateway.policy_bundle}. */
    FILE,
    /** The last good bundle from the control plane, kept on disk and loaded at start. */
    PERSISTED,
    /** Fetched from the control plane while running. */
    CONTROL_PLANE;

    /** The lower-case name used on the wire and in metrics: {@code default}, {@code control_plane}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
