/**
 * Signing of policy bundles: Ed25519 signatures over a bundle's canonical manifest of file
 * digests, kept in the bundle's {@code .signatures.json}, in the spirit of OPA's bundle signing.
 *
 * <p>A {@link dev.parapet.policy.signing.SigningKey} (generated, or read from a PKCS#8 PEM file by
 * {@link dev.parapet.policy.signing.PemKeys}) signs a bundle directory through a
 * {@link dev.parapet.policy.signing.BundleSigner}; a
 * {@link dev.parapet.policy.signing.BundleVerifier} trusting one or more
 * {@link dev.parapet.policy.signing.TrustedKey}s checks it and answers a
 * {@link dev.parapet.policy.signing.Verification}: verified, or refused with a stable reason and
 * the file to blame. Keys are named by a key id derived from the public key; trusting several keys
 * at once, and signing an unchanged bundle with several keys, is how keys rotate. Signing is
 * agnostic to what the bundle holds: it covers every file {@link dev.parapet.policy.BundleFiles}
 * reads. The file format, commands and rotation runbook are in {@code docs/policy-signing.md}.
 */
package dev.parapet.policy.signing;
