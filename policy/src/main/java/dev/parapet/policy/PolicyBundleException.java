package dev.parapet.policy;

import java.util.Optional;

/**
 * A policy bundle is not valid: its YAML is malformed, a file or field is unknown, missing or has
 * a wrong value, or a condition does not compile. The message names the file of a bundle
 * directory (when there is one), the rule (when there is one) and what is wrong, e.g.
 * {@code rules/20-redaction.yaml: rule 'redact-email': action redact needs a non-empty 'redact' list}
 * or {@code limits.yaml: rates[2].requests_per_minute: must be a positive integer}.
 *
 * <p>Checked, because bundles arrive from outside (files, the control plane) and the caller must
 * decide what to do with a bad one, typically keep serving the last good bundle.
 */
public final class PolicyBundleException extends Exception {

    private final String file;
    private final String ruleId;
    private final String problem;

    PolicyBundleException(String ruleId, String problem) {
        this(ruleId, problem, null);
    }

    PolicyBundleException(String ruleId, String problem, Throwable cause) {
        this(null, ruleId, problem, cause);
    }

    PolicyBundleException(String file, String ruleId, String problem, Throwable cause) {
        super(message(file, ruleId, problem), cause);
        this.file = file;
        this.ruleId = ruleId;
        this.problem = problem;
    }

    private static String message(String file, String ruleId, String problem) {
        String inRule = ruleId == null ? problem : "rule '" + ruleId + "': " + problem;
        return file == null ? inRule : file + ": " + inRule;
    }

    /** The same problem, located in {@code file} of a bundle directory. */
    PolicyBundleException inFile(String file) {
        return new PolicyBundleException(file, ruleId, problem, getCause());
    }

    /** The path of the offending file within a bundle directory, or empty for a single-file bundle. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The id of the offending rule, or empty when the problem is not in a rule. */
    public Optional<String> ruleId() {
        return Optional.ofNullable(ruleId);
    }
}
