package dev.parapet.policy;

import dev.parapet.core.Action;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A validated policy bundle: a header and an ordered list of rules whose CEL conditions are
 * compiled once, here, at parse time.
 *
 * <pre>
 * bundle:
 *   name: default
 *   version: "1"
 *   on_error: fail_closed        # or fail_open; default fail_closed
 *   default_action: allow        # allow or block; default allow
 * risk: {hold: 53, block: 84}    # optional; the bands conditions see as risk_band
 * rules:
 *   - id: block-prompt-injection
 *     when: "findings.exists(f, f.family == 'injection')"
 *     action: block              # allow, alert, redact, hold or block
 *     mode: enforce              # or monitor, or canary with canary_percent: 10
 *     reason_code: prompt_injection_detected
 *     severity: high             # optional
 *   - id: redact-email
 *     when: "findings.exists(f, f.type == 'pii.email')"
 *     action: redact
 *     redact: [pii.email]        # required for, and only allowed with, action redact
 *     reason_code: pii_email_redacted
 * </pre>
 *
 * <p>Instances are immutable and thread-safe. The full language is described in
 * {@code docs/policy-language.md}.
 */
public final class PolicyBundle {

    static final String DEFAULT_RESOURCE = "default-bundle.yaml";

    private final String name;
    private final String version;
    private final OnError onError;
    private final Action defaultAction;
    private final RiskBand riskBand;
    private final List<PolicyRule> rules;
    private final String digest;

    PolicyBundle(String name, String version, OnError onError, Action defaultAction, RiskBand riskBand, List<PolicyRule> rules, byte[] raw) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.defaultAction = Objects.requireNonNull(defaultAction, "defaultAction");
        this.riskBand = Objects.requireNonNull(riskBand, "riskBand");
        this.rules = List.copyOf(rules);
        this.digest = sha256(raw);
    }

    /**
     * Parses and validates a bundle, compiling every condition.
     *
     * @param yaml the bundle's bytes, UTF-8 YAML
     * @throws PolicyBundleException naming the rule and what is wrong: malformed YAML, an unknown
     *                               key, a missing field, an unknown action, a redact rule without
     *                               a {@code redact} list, a malformed reason code, a duplicate id,
     *                               or a condition that does not compile (with the expression)
     */
    public static PolicyBundle parse(byte[] yaml) throws PolicyBundleException {
        Objects.requireNonNull(yaml, "yaml");
        return PolicyBundleParser.parse(yaml.clone());
    }

    /** The bundle shipped with Parapet ({@code dev/parapet/policy/default-bundle.yaml}). */
    public static PolicyBundle defaults() {
        try (InputStream in = PolicyBundle.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PolicyBundleException e) {
            throw new IllegalStateException("the default bundle is invalid: " + e.getMessage(), e);
        }
    }

    /** {@code sha256:} and the lower-case hex SHA-256 of the bundle's raw bytes, as parsed. */
    public String digest() {
        return digest;
    }

    /** The bundle's name from its header. */
    public String name() {
        return name;
    }

    /** The bundle's version from its header, as written. */
    public String version() {
        return version;
    }

    /** The risk thresholds conditions see as {@code risk_band}. */
    public RiskBand riskBand() {
        return riskBand;
    }

    OnError onError() {
        return onError;
    }

    Action defaultAction() {
        return defaultAction;
    }

    List<PolicyRule> rules() {
        return rules;
    }

    private static String sha256(byte[] raw) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return "PolicyBundle[" + name + " " + version + " " + digest + ", " + rules.size() + " rules]";
    }
}
