/**
 * Policy tests: YAML cases in a bundle's {@code tests/} directory, each an interaction's decision
 * inputs and the decision expected for them, run against the bundle like {@code opa test}.
 *
 * <p>{@link dev.parapet.policy.testing.PolicyTestParser} reads the cases,
 * {@link dev.parapet.policy.testing.PolicyTestRunner} decides each with
 * {@link dev.parapet.policy.PolicyEngine#explain} and compares, and
 * {@link dev.parapet.policy.testing.PolicyTestReport} holds the results with the per-rule trace
 * of every case and the bundle's rule coverage; {@link dev.parapet.policy.testing.TextReport}
 * and {@link dev.parapet.policy.testing.JsonReport} print it. The format is described in
 * {@code docs/policy-language.md}.
 */
package dev.parapet.policy.testing;
