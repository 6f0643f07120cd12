/**
 * Secret detection: credentials, API keys, tokens and private keys pasted into prompts, tool
 * output or answers.
 *
 * <p>The public surface is one type, {@link dev.parapet.detect.secrets.SecretDetector}, a
 * {@link dev.parapet.detect.Detector} that reports findings of type {@code secret.<kind>}. Its
 * rules are data: the versioned pack {@code secret-rules.yaml} beside this package, one entry per
 * provider token format, each with keywords (a necessary literal that gates the rule), a regular
 * expression whose one capture group is the secret, an optional entropy floor, and an example and
 * counter-example that tests hold it to. The keywords are the detector's
 * {@link dev.parapet.detect.scan.PatternFamily} patterns: in the engine they are found in the
 * one Hyperscan pass shared with the injection signatures and the DLP pre-checks.
 *
 * <p>Everything else here is package-private and has one job: loading the pack
 * ({@code SecretRulePack}), measuring entropy ({@code Entropy}), recognising placeholders ({@code Placeholders}) and structural
 * checks ({@code SecretValidator}).
 */
package dev.parapet.detect.secrets;
