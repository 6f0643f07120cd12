/**
 * Policy: the bundle format and its evaluation to a decision.
 *
 * <p>A {@link dev.parapet.policy.PolicyBundle} is a directory ({@link dev.parapet.policy.BundleFiles}):
 * a {@link dev.parapet.policy.PolicyManifest} ({@code manifest.yaml}), ordered rules
 * ({@code rules/*.yaml}), each a CEL condition over the principal, the request, the detectors'
 * findings and the risk score, with the action it asks for and a stable reason code, and the
 * tenant's {@link dev.parapet.policy.DetectorSettings}, {@link dev.parapet.policy.Limits} and
 * {@link dev.parapet.policy.PrincipalDirectory}. Bundles are validated and their conditions
 * compiled once, at load time; every error names the file, the field or rule, and what is wrong
 * ({@link dev.parapet.policy.YamlNode}). A {@link dev.parapet.policy.PolicyEngine} evaluates a
 * bundle against a {@link dev.parapet.policy.PolicyInput} to a
 * {@link dev.parapet.policy.PolicyDecision}; it never throws, and honours the bundle's fail-open
 * or fail-closed setting when a condition fails. Conditions are decided by guards where their shape
 * allows ({@code GuardExtractor}, exactly as CEL would decide them), else by CEL over variables
 * built on demand; an engine may cache verdicts
 * ({@link dev.parapet.policy.DecisionCacheSettings}). {@link dev.parapet.policy.PolicyEngine#explain}
 * adds the per-rule trace that policy tests ({@code dev.parapet.policy.testing}) print. The
 * language is described in {@code docs/policy-language.md}.
 */
package dev.parapet.policy;
