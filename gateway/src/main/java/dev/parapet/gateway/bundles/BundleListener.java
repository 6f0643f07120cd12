package dev.parapet.gateway.bundles;

import java.util.List;

/**
 * Told about every bundle the gateway starts enforcing and every bundle it refuses: metrics and the
 * status reports to the control plane listen here. Called on the thread that decided; must not block
 * for long and must not throw.
 */
public interface BundleListener {

    /** The gateway now enforces {@code bundle}. */
    void activated(ActiveBundle bundle);

    /** The gateway refused a bundle and keeps enforcing the one it had. */
    void refused(BundleRefusal refusal);

    /** A listener that tells each of {@code listeners} in turn. */
    static BundleListener all(List<BundleListener> listeners) {
        List<BundleListener> copy = List.copyOf(listeners);
        return new BundleListener() {
            @Override
            public void activated(ActiveBundle bundle) {
                copy.forEach(l -> l.activated(bundle));
            }

            @Override
            public void refused(BundleRefusal refusal) {
                copy.forEach(l -> l.refused(refusal));
            }
        };
    }
}
