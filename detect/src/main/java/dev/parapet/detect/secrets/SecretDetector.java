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
 *   <li>finds in one pass where the rules' keywords occur in the text (ASCII case ignored), and
 *       tries each rule's expression only where a match containing one of its keywords could
 *       start, so that a rule costs nothing on text without its keywords and little on text with
 *       them;</li>
 *   <li>drops a candidate that looks like a stand-in ({@code your-api-key-here}, {@code xxxx},
 *       {@code ${TOKEN}}, any value containing {@code EXAMPLE} — so AWS's documented example keys
 *       {@code AKIAIOSFODNN7EXAMPLE} and {@code wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY} are not
 *       reported at all), whose entropy is below the rule's floor, or that fails the rule's
 *       structural check (a JWT header must decode to JSON with {@code "alg"});</li>
 *   <li>for generic assignment rules ({@code password=}, {@code api_key:}, ...) also requires a
 *       value mixing letters and digits that is neither a bare UUID nor a dotted chain of identifiers
 *       (code such as {@code crypto.PrivateKey.load}), and runs them after the provider
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

    /** A chain of identifiers such as {@code ed25519.Ed25519PrivateKey.from_bytes}: code, not a value. */
    private static final Pattern DOTTED_IDENTIFIERS =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,100}(?:\\.[A-Za-z_$][A-Za-z0-9_$]{0,100}){1,20}");

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
        int[][] keywordStarts = index.keywordStarts(text);
        List<Finding> found = new ArrayList<>();
        for (int r = 0; r < keywordStarts.length; r++) {
            if (keywordStarts[r] != null) {
                match(rules.get(r), keywordStarts[r], messageIndex, text, found);
            }
        }
        out.addAll(found);
    }

    /**
     * Tries the rule only where a match can start: at most {@code keywordLead} characters before an
     * occurrence of one of its keywords. Positions are tried in increasing order and a match's
     * characters are not reused, as {@link Matcher#find()} would do over the whole text.
     */
    private static void match(SecretRule rule, int[] keywordStarts, int messageIndex, String text,
                              List<Finding> found) {
        Matcher m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int next = 0;
        for (int keywordStart : keywordStarts) {
            for (int at = Math.max(next, keywordStart - rule.keywordLead()); at <= keywordStart; at++) {
                m.region(at, text.length());
                if (m.lookingAt()) {
                    accept(rule, m, messageIndex, text, found);
                    at = Math.max(at, m.end() - 1);
                }
                next = at + 1;
            }
        }
    }

    private static void accept(SecretRule rule, Matcher m, int messageIndex, String text, List<Finding> found) {
        int start = m.start(1);
        int end = m.end(1);
        if (start < 0 || end == start || overlapsAny(found, start, end)) {
            return;
        }
        String secret = text.substring(start, end);
        if (Placeholders.isPlaceholder(secret) || (rule.generic() && !plausibleGenericValue(secret))) {
            return;
        }
        double entropy = Entropy.bitsPerChar(secret);
        if (entropy < rule.minEntropy() || !rule.validator().accepts(secret)) {
            return;
        }
        found.add(new Finding(rule.type(), SecretRule.FAMILY, rule.id(), rule.severity(),
                rule.confidenceAt(entropy), messageIndex, start, end));
    }

    /**
     * A value assigned to a secret-like name: letters and digits mixed, and neither a bare UUID (an
     * identifier more often than a key) nor a chain of dotted identifiers (code).
     */
    private static boolean plausibleGenericValue(String value) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit && !UUID.matcher(value).matches() && !DOTTED_IDENTIFIERS.matcher(value).matches();
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
