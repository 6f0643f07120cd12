/**
 * Tenants and their credentials: API keys for callers of the gateway, admin tokens for the
 * control-plane API and gateway tokens for event delivery ({@link dev.parapet.control.provisioning.Provisioning}),
 * plus the demo tenant that {@code parapet serve} creates on first start
 * ({@link dev.parapet.control.provisioning.DemoTenant}).
 *
 * <p>Only {@link dev.parapet.core.SecretHash} digests are stored; a plaintext secret exists once,
 * in the return value of the call that issued it.
 */
package dev.parapet.control.provisioning;
