package dev.parapet.detect;

import java.util.regex.Pattern;
import dev.parapet.core.Severity;

import java.util.List;
import java.util.Objects;

/**
 * One prompt-injection or jailbreak signature of the pack.
 *
 * @param id         a stable id, e.g. {@code INJ-001}; copied into findings as their rule id
 * @param type       the finding type, in family {@code injection}, e.g. {@code injection.delimiter}
 * @param severity   the severity of a match
 * @param confidence how sure a match makes us, in [0, 1]
 * @param keywords   lower-case literals of which at least one must occur in the lower-cased text
 *                   for the pattern to match; a cheap pre-filter, empty to always run the pattern
 * @param pattern    the compiled regular expression (java.util.regex, case-insensitive, bounded repetition only)
 */
record InjectionSignature(String id, String type, Severity severity, double confidence, List<String> keywords,
                          Pattern pattern) {

    static final String FAMILY = "injection";

    InjectionSignature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pattern, "pattern");
        keywords = List.copyOf(keywords);
        if (!type.startsWith(FAMILY + ".")) {
            throw new IllegalArgumentException("signature " + id + ": type " + type + " is not in family " + FAMILY);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("signature " + id + ": confidence out of [0,1]: " + confidence);
        }
    }

    /** Whether the pattern can match {@code lowerCased}, judged by the keywords alone. */
    boolean mayMatch(String lowerCased) {
        if (keywords.isEmpty()) {
            return true;
        }
        for (String k : keywords) {
            if (lowerCased.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
