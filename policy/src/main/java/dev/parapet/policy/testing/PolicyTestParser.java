package dev.parapet.policy.testing;

import dev.parapet.core.Action;
import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.Severity;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.PolicyInput;
import dev.parapet.policy.YamlNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the policy tests of a bundle: every {@code tests/*.yaml} file, each a mapping with a
 * {@code cases} list. What a case leaves out of its input takes a default (documented in
 * {@code docs/policy-language.md}), so that a case states only what it is about.
 */
public final class PolicyTestParser {

    /** The directory of a bundle that holds its policy tests. */
    public static final String DIRECTORY = "tests/";

    static final String DEFAULT_TENANT = "tenant";
    static final String DEFAULT_PRINCIPAL_ID = "tester";
    static final String DEFAULT_ROLE = "user";
    static final String DEFAULT_PROVIDER = "openai";
    static final String DEFAULT_ENDPOINT = "chat.completions";
    static final String DEFAULT_MODEL = "gpt-4o";
    static final long DEFAULT_BYTES = 100;
    static final String DEFAULT_RULE_ID = "TEST";

    private static final Set<String> CASE_KEYS = Set.of("name", "input", "expect");
    private static final Set<String> INPUT_KEYS = Set.of("principal", "request", "findings", "risk");
    private static final Set<String> PRINCIPAL_KEYS = Set.of("tenant", "id", "kind", "role", "attributes");
    private static final Set<String> REQUEST_KEYS = Set.of("provider", "endpoint", "model", "stream", "message_count", "bytes");
    private static final Set<String> FINDING_KEYS = Set.of("type", "family", "rule_id", "severity", "confidence");
    private static final Set<String> EXPECT_KEYS = Set.of("action", "reason_codes", "rules", "redact", "degraded", "monitored");

    private PolicyTestParser() {
    }

    /**
     * The cases of every test file of a bundle, by file name and then position.
     *
     * @param tenant the tenant of principals that name none (the bundle's, when its manifest has one)
     * @throws PolicyBundleException naming the file and the field at fault
     */
    public static List<PolicyTestCase> parse(BundleFiles files, Optional<String> tenant) throws PolicyBundleException {
        List<PolicyTestCase> cases = new ArrayList<>();
        for (String name : files.names()) {
            if (name.startsWith(DIRECTORY)) {
                cases.addAll(parseFile(name, files.bytes(name), tenant.orElse(DEFAULT_TENANT)));
            }
        }
        return cases;
    }

    static List<PolicyTestCase> parseFile(String file, byte[] yaml, String tenant) throws PolicyBundleException {
        YamlNode root = YamlNode.parse(file, yaml).keys(Set.of("cases"));
        List<PolicyTestCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode node : root.required("cases").items()) {
            node.keys(CASE_KEYS);
            String name = node.requiredText("name");
            if (!names.add(name)) {
                throw node.required("name").error("a second case named '" + name + "' (names are unique within a file)");
            }
            cases.add(new PolicyTestCase(file, name, input(node.get("input"), tenant), expectation(node.required("expect"))));
        }
        return cases;
    }

    private static PolicyInput input(Optional<YamlNode> input, String tenant) throws PolicyBundleException {
        if (input.isEmpty()) {
            return new PolicyInput(principal(Optional.empty(), tenant), interaction(Optional.empty()), List.of(), 0);
        }
        YamlNode node = input.get().keys(INPUT_KEYS);
        List<Finding> findings = new ArrayList<>();
        for (YamlNode f : node.list("findings")) {
            findings.add(finding(f));
        }
        int risk = (int) node.integer("risk", 0, 100).orElse(0);
        return new PolicyInput(principal(node.get("principal"), tenant), interaction(node.get("request")), findings, risk);
    }

    private static Principal principal(Optional<YamlNode> principal, String tenant) throws PolicyBundleException {
        if (principal.isEmpty()) {
            return new Principal(tenant, DEFAULT_PRINCIPAL_ID, Principal.Kind.USER, DEFAULT_ROLE, Map.of());
        }
        YamlNode node = principal.get().keys(PRINCIPAL_KEYS);
        Map<String, String> attributes = new LinkedHashMap<>();
        Optional<YamlNode> attrs = node.get("attributes");
        if (attrs.isPresent()) {
            for (Map.Entry<String, YamlNode> e : attrs.get().entries().entrySet()) {
                attributes.put(e.getKey(), e.getValue().text());
            }
        }
        return new Principal(node.text("tenant").orElse(tenant), node.text("id").orElse(DEFAULT_PRINCIPAL_ID),
                kind(node), node.text("role").orElse(DEFAULT_ROLE), attributes);
    }

    private static Principal.Kind kind(YamlNode node) throws PolicyBundleException {
        Optional<String> text = node.text("kind");
        if (text.isEmpty()) {
            return Principal.Kind.USER;
        }
        for (Principal.Kind k : Principal.Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(text.get())) {
                return k;
            }
        }
        throw node.required("kind").error("unknown kind '" + text.get() + "' (expected user, agent, service or anonymous)");
    }

    private static Interaction interaction(Optional<YamlNode> request) throws PolicyBundleException {
        if (request.isEmpty()) {
            return new Interaction(DEFAULT_PROVIDER, DEFAULT_ENDPOINT, DEFAULT_MODEL, messages(1), false, (int) DEFAULT_BYTES);
        }
        YamlNode node = request.get().keys(REQUEST_KEYS);
        int count = (int) node.integer("message_count", 0, 10_000).orElse(1);
        return new Interaction(node.text("provider").orElse(DEFAULT_PROVIDER), node.text("endpoint").orElse(DEFAULT_ENDPOINT),
                node.text("model").orElse(DEFAULT_MODEL), messages(count), node.bool("stream").orElse(false),
                (int) node.integer("bytes", 0, Integer.MAX_VALUE).orElse(DEFAULT_BYTES));
    }

    /** Conditions see only the number of messages, never their text. */
    private static List<ChatMessage> messages(int count) {
        return Collections.nCopies(count, new ChatMessage("user", ""));
    }

    private static Finding finding(YamlNode node) throws PolicyBundleException {
        node.keys(FINDING_KEYS);
        String type = node.requiredText("type");
        int dot = type.indexOf('.');
        if (dot < 1) {
            throw node.required("type").error("'" + type + "' is not a finding type like pii.email");
        }
        String family = node.text("family").orElse(type.substring(0, dot));
        Severity severity = Severity.MEDIUM;
        Optional<String> severityText = node.text("severity");
        if (severityText.isPresent()) {
            try {
                severity = Severity.valueOf(severityText.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw node.required("severity").error("unknown severity '" + severityText.get()
                        + "' (expected low, medium, high or critical)");
            }
        }
        double confidence = node.number("confidence", 0, 1).orElse(1.0);
        try {
            return new Finding(type, family, node.text("rule_id").orElse(DEFAULT_RULE_ID), severity, confidence, 0, 0, 0);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Expectation expectation(YamlNode node) throws PolicyBundleException {
        node.keys(EXPECT_KEYS);
        Action action;
        try {
            action = Action.fromWireName(node.requiredText("action"));
        } catch (IllegalArgumentException e) {
            throw node.required("action").error(e.getMessage());
        }
        Optional<List<String>> reasonCodes = node.get("reason_codes").isPresent()
                ? Optional.of(node.texts("reason_codes")) : Optional.empty();
        Optional<List<String>> rules = node.get("rules").isPresent() ? Optional.of(node.texts("rules")) : Optional.empty();
        Optional<Set<String>> redact = node.get("redact").isPresent()
                ? Optional.of(new LinkedHashSet<>(node.texts("redact"))) : Optional.empty();
        Optional<List<String>> monitored = node.get("monitored").isPresent()
                ? Optional.of(node.texts("monitored")) : Optional.empty();
        return new Expectation(action, reasonCodes, rules, redact, node.bool("degraded"), monitored);
    }
}
