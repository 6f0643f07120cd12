package dev.parapet.detect.secrets;

import dev.parapet.core.Finding;
import dev.parapet.detect.Detector;
import dev.parapet.detect.scan.Matches;
import dev.parapet.detect.scan.OnePassScanner;
import dev.parapet.detect.scan.PatternFamily;
import dev.parapet.detect.scan.ScanPattern;
import dev.parapet.detect.scan.ScannedView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>finds where the rules' keywords occur in the text (ASCII case ignored) — the keywords are
 *       this {@link PatternFamily}'s patterns, so in the engine they are found in the same
 *       Hyperscan pass as the injection signatures and DLP pre-checks — and tries each rule's
 *       expression only where a match containing one of its keywords could start, so that a rule
 *       costs nothing on text without its keywords and little on text with them;</li>
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
 * <p>Immutable and thread-safe; build one at start-up and share it. Used on its own (not through
 * the engine's shared scan) it compiles a Hyperscan database of its keywords on first use.
 */
public final class SecretDetector implements Detector, PatternFamily {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A chain of identifiers such as {@code ed25519.Ed25519PrivateKey.from_bytes}: code, not a value. */
    private static final Pattern DOTTED_IDENTIFIERS =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,100}(?:\\.[A-Za-z_$][A-Za-z0-9_$]{0,100}){1,20}");

    private final List<SecretRule> rules;
    /** One pattern per distinct keyword: the literal, ASCII case ignored. */
    private final List<ScanPattern> patterns;
    /** For each keyword pattern, the indices (in {@link #rules}) of the rules that have it. */
    private final int[][] rulesOfKeyword;
    private volatile OnePassScanner standalone;

    SecretDetector(List<SecretRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(SecretRule::generic)).toList();
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        for (int r = 0; r < this.rules.size(); r++) {
            for (String keyword : this.rules.get(r).keywords()) {
                List<Integer> owners = byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>());
                if (owners.isEmpty() || owners.getLast() != r) {
                    owners.add(r);
                }
            }
        }
        List<ScanPattern> list = new ArrayList<>();
        this.rulesOfKeyword = new int[byKeyword.size()][];
        int k = 0;
        for (Map.Entry<String, List<Integer>> e : byKeyword.entrySet()) {
            list.add(new ScanPattern("secret-keyword:" + e.getKey(), literal(e.getKey()), true, ScanPattern.Spans.HYPERSCAN));
            rulesOfKeyword[k] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            k++;
        }
        this.patterns = List.copyOf(list);
    }

    /** A regular expression matching exactly {@code keyword}: every character but letters and digits escaped. */
    private static String literal(String keyword) {
        StringBuilder sb = new StringBuilder();
        for (char c : keyword.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }

    /** A detector with the rule pack shipped with Parapet. */
    public static SecretDetector defaults() {
        return new SecretDetector(SecretRulePack.defaults());
    }

    /** The number of rules this detector runs. */
    public int ruleCount() {
        return rules.size();
    }

    /** The keywords of every rule, one pattern per distinct keyword. */
    @Override
    public List<ScanPattern> patterns() {
        return patterns;
    }

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (text.isEmpty()) {
            return;
        }
        standalone().detect(messageIndex, ScannedView.of(text), out);
    }

    private OnePassScanner standalone() {
        OnePassScanner scanner = standalone;
        if (scanner == null) {
            synchronized (this) {
                scanner = standalone;
                if (scanner == null) {
                    scanner = standalone = OnePassScanner.compile(List.of(this));
                }
            }
        }
        return scanner;
    }

    /**
     * Tries the rules whose keywords occur in {@code view}. Keyword matches in a normalised view
     * are mapped back to the original, where the rules' expressions run: every keyword occurrence
     * of the original is also one of the view (normalising leaves runs of printable ASCII alone),
     * and an occurrence only the view has just adds start positions where no match can begin.
     */
    @Override
    public void detect(int messageIndex, ScannedView view, Matches matches, List<Finding> out) {
        if (matches.size() == 0) {
            return;
        }
        String text = view.original();
        int[][] keywordStarts = keywordStarts(view, matches);
        List<Finding> found = new ArrayList<>();
        for (int r = 0; r < keywordStarts.length; r++) {
            if (keywordStarts[r] != null) {
                match(rules.get(r), keywordStarts[r], messageIndex, text, found);
            }
        }
        out.addAll(found);
    }

    /**
     * For each rule, the start offsets in the original text of its keywords' occurrences,
     * ascending and without repeats; {@code null} for a rule none of whose keywords occurs.
     */
    private int[][] keywordStarts(ScannedView view, Matches matches) {
        int[][] starts = new int[rules.size()][];
        int[] counts = new int[rules.size()];
        for (int i = 0; i < matches.size(); i++) {
            int keyword = matches.pattern(i);
            int start = view.originalStart(matches.start(i));
            for (int rule : rulesOfKeyword[keyword]) {
                int[] s = starts[rule];
                if (s == null) {
                    s = starts[rule] = new int[4];
                } else if (counts[rule] == s.length) {
                    s = starts[rule] = Arrays.copyOf(s, s.length * 2);
                }
                s[counts[rule]++] = start;
            }
        }
        for (int r = 0; r < starts.length; r++) {
            if (starts[r] != null) {
                int[] s = starts[r];
                Arrays.sort(s, 0, counts[r]);
                int unique = 0;
                for (int i = 0; i < counts[r]; i++) {
                    if (unique == 0 || s[i] != s[unique - 1]) {
                        s[unique++] = s[i];
                    }
                }
                starts[r] = Arrays.copyOf(s, unique);
            }
        }
        return starts;
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
