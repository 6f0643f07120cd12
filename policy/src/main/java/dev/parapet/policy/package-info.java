/**
 * Policy: the bundle format and its evaluation to a decision.
 *
 * <p>A {@link dev.parapet.policy.PolicyBundle} is a YAML document of ordered rules, each a CEL
 * condition over the principal, the request, the detectors' findings and the risk score, with
 * the action it asks for and a stable reason code. Bundles are validated and their conditions
 * compiled once, at parse time. A {@link dev.parapet.policy.PolicyEngine} evaluates a bundle
 * against a {@link dev.parapet.policy.PolicyInput} to a {@link dev.parapet.policy.PolicyDecision};
 * it never throws, and honours the bundle's fail-open or fail-closed setting when a condition
 * fails. The language is described in {@code docs/policy-language.md}.
 */
package dev.parapet.policy;
