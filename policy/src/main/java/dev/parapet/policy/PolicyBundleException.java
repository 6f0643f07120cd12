package dev.parapet.policy;

import java.util.Optional;

/**
 * A policy bundle is not valid: its YAML is malformed, a field is missing or has a wrong value,
 * or a condition does not compile. The message names the rule (when there is one) and what is
 * wrong, e.g. {@code rule 'redact-email': action redact needs a non-empty 'redact' list}.
 *
 * <p>Checked, because bundles arrive from outside (files, the control plane) and the caller must
 * decide what to do with a bad one, typically keep serving the last good bundle.
 */
public final class PolicyBundleException extends Exception {

    private final String ruleId;

    PolicyBundleException(String ruleId, String problem) {
        this(ruleId, problem, null);
    }

    PolicyBundleException(String ruleId, String problem, Throwable cause) {
        super(ruleId == null ? problem : "rule '" + ruleId + "': " + problem, cause);
        this.ruleId = ruleId;
    }

    /** The id of the offending rule, or empty when the problem is in the bundle header or the YAML. */
    public Optional<String> ruleId() {
        return Optional.ofNullable(ruleId);
    }
}
