/**
 * Signed policy bundles on the gateway's side: which bundle is enforced, where it came from, and
 * how a new one gets in.
 *
 * <p>At start {@link dev.parapet.gateway.bundles.InitialBundle} picks the last good bundle kept on
 * disk ({@link dev.parapet.gateway.bundles.BundleStore}), the configured one, or the built-in
 * default. While running, {@link dev.parapet.gateway.bundles.BundlePoller} long-polls the control
 * plane ({@link dev.parapet.gateway.bundles.BundleClient}); every bundle from there or from disk
 * passes {@link dev.parapet.gateway.bundles.BundleAdmission} (signatures by a trusted key, digests,
 * tenant, a valid policy) before it replaces the {@link dev.parapet.gateway.bundles.ActiveBundle}
 * in one atomic write. A refused bundle changes nothing; it is logged, counted by the
 * {@link dev.parapet.gateway.bundles.BundleListener}s, and reported to the control plane through
 * a durable {@link dev.parapet.gateway.bundles.BundleStatusOutbox}. Distribution is described in
 * {@code docs/architecture.md}.
 */
package dev.parapet.gateway.bundles;
