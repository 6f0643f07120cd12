/**
 * Policy bundle versions in the control plane: every publish or rollback is a new immutable,
 * signed and audited version ({@link dev.parapet.control.policy.BundleLifecycle}) stored in
 * PostgreSQL ({@link dev.parapet.control.policy.PolicyVersionStore}); the tenant's current
 * version is served to its gateways with long polling ({@link dev.parapet.control.policy.HeadWatch},
 * woken by {@link dev.parapet.control.policy.HeadSignals}); two versions are compared for people by
 * {@link dev.parapet.control.policy.BundleDiffer}. Where the signing key comes from is
 * {@link dev.parapet.control.policy.BundleSigning}.
 *
 * <p>The HTTP side is in {@code dev.parapet.control.api} ({@code PolicyAdminService},
 * {@code GatewayBundleService}); every query here filters on the tenant.
 */
package dev.parapet.control.policy;
