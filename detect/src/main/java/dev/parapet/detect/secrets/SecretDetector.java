package dev.parapet.detect.secrets;

import dev.parapet.core.Finding;
import dev.parapet.detect.Detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets — cloud, VCS, CI and LLM-provider keys, payment and messaging tokens, passwords in
 * database URLs, private key blocks, JWTs and high-entropy values assigned to secret-like names —
 * and reports each as a finding of type {@code secret.<kind>} in family {@code secret}, whose span
 * is the secret itself (never the key name before it).
 *
 * <p>The rules are data, in the versioned pack {@code dev/parapet/detect/secrets/secret-rules.yaml}
 * (243 rules in version 1). For each message the detector:
 * <ol>
 *   <li>finds in one pass which rules have one of their keywords in the text (ASCII case ignored),
 *       and runs only those rules' expressions;</li>
 *   <li>drops a candidate that looks like a stand-in ({@code your-api-key-here}, {@code xxxx},
 *       {@code ${TOKEN}}, any value containing {@code EXAMPLE} — so AWS's documented example keys
 *       {@code AKIAIOSFODNN7EXAMPLE} and {@code wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY} are not
 *       reported at all), whose entropy is below the rule's floor, or that fails the rule's
 *       structural check (a JWT header must decode to JSON with {@code "alg"});</li>
 *   <li>for generic assignment rules ({@code password=}, {@code api_key:}, ...) also requires a
 *       value mixing letters and digits that is not a bare UUID, and runs them after the provider
 *       rules;</li>
 *   <li>reports a span at most once: the first rule in pack order that accepts an overlapping span
 *       wins, so a provider rule beats the generic rule around it.</li>
 * </ol>
 * Confidence is the rule's, raised by 0.1 per bit of entropy above the rule's floor (capped at
 * 0.99). Every pattern is compiled once and uses bounded repetition only, so a scan costs time
 * linear in the text's length.
 *
 * <p>Immutable and thread-safe; build one at start-up and share it.
 */
public final class SecretDetector implements Detector {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<SecretRule> rules;
    private final KeywordIndex index;

    SecretDetector(List<SecretRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(SecretRule::generic)).toList();
        this.index = new KeywordIndex(this.rules.stream().map(SecretRule::keywords).toList());
    }

    /** A detector with the rule pack shipped with Parapet. */
    public static SecretDetector defaults() {
        return new SecretDetector(SecretRulePack.defaults());
    }

    /** The number of rules this detector runs. */
    public int ruleCount() {
        return rules.size();
    }

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (text.isEmpty()) {
            return;
        }
        boolean[] candidates = index.rulesWithKeywordIn(text);
        List<Finding> found = new ArrayList<>();
        for (int r = 0; r < candidates.length; r++) {
            if (candidates[r]) {
                match(rules.get(r), messageIndex, text, found);
            }
        }
        out.addAll(found);
    }

    private static void match(SecretRule rule, int messageIndex, String text, List<Finding> found) {
        Matcher m = rule.pattern().matcher(text);
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            if (start < 0 || end == start || overlapsAny(found, start, end)) {
                continue;
            }
            String secret = text.substring(start, end);
            if (Placeholders.isPlaceholder(secret) || (rule.generic() && !plausibleGenericValue(secret))) {
                continue;
            }
            double entropy = Entropy.bitsPerChar(secret);
            if (entropy < rule.minEntropy() || !rule.validator().accepts(secret)) {
                continue;
            }
            found.add(new Finding(rule.type(), SecretRule.FAMILY, rule.id(), rule.severity(),
                    rule.confidenceAt(entropy), messageIndex, start, end));
        }
    }

    /** A value assigned to a secret-like name: letters and digits mixed, and not a bare identifier UUID. */
    private static boolean plausibleGenericValue(String value) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit && !UUID.matcher(value).matches();
    }

    private static boolean overlapsAny(List<Finding> found, int start, int end) {
        for (Finding f : found) {
            if (start < f.end() && f.start() < end) {
                return true;
            }
        }
        return false;
    }
}
