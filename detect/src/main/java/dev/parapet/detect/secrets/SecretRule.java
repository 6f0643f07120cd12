package dev.parapet.detect.secrets;

import dev.parapet.core.Severity;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of the secret pack: a provider's token format.
 *
 * @param id             stable id, e.g. {@code SEC-001}; copied into findings as their rule id
 * @param kind           the finding type is {@code secret.<kind>}
 * @param category       cloud, vcs, ci, llm, payment, messaging, saas, database, private_key, jwt or generic
 * @param description    what the rule finds, for people
 * @param keywords       lower-case ASCII literals at least one of which every match contains
 *                       (compared case-insensitively); the rule runs only when one occurs
 * @param keywordLead    the most characters a match can start before a keyword occurrence inside it;
 *                       the rule is tried only at those positions (0: matches start with a keyword)
 * @param pattern        compiled expression whose single capture group is the secret
 * @param minEntropy     minimum Shannon entropy in bits per character of the secret; 0 for none
 * @param validator      structural check of the secret
 * @param severity       severity of a finding
 * @param confidence     confidence of a match at exactly {@code minEntropy}
 * @param example        text the rule must report
 * @param counterExample near miss the rule must not report
 */
record SecretRule(String id, String kind, String category, String description, List<String> keywords,
                  int keywordLead, Pattern pattern, double minEntropy, SecretValidator validator, Severity severity,
                  double confidence, String example, String counterExample) {

    static final String FAMILY = "secret";
    static final String GENERIC = "generic";

    /** Confidence gained per bit of entropy above the rule's floor. */
    private static final double CONFIDENCE_PER_BIT = 0.1;
    private static final double MAX_CONFIDENCE = 0.99;

    SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(severity, "severity");
        keywords = List.copyOf(keywords);
        if (keywordLead < 0) {
            throw new IllegalArgumentException("rule " + id + ": negative keyword_lead");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("rule " + id + ": confidence out of [0,1]: " + confidence);
        }
    }

    /** The finding type, {@code secret.<kind>}. */
    String type() {
        return FAMILY + "." + kind;
    }

    /** Whether this is a generic assignment rule, run after every provider rule. */
    boolean generic() {
        return GENERIC.equals(category);
    }

    /** The confidence of a match whose secret has {@code entropy} bits per character. */
    double confidenceAt(double entropy) {
        if (minEntropy <= 0) {
            return confidence;
        }
        double margin = Math.max(0, entropy - minEntropy);
        return Math.min(Math.max(confidence, MAX_CONFIDENCE), confidence + CONFIDENCE_PER_BIT * margin);
    }
}
