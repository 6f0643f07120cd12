package dev.parapet.control.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.policy.BundleFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two bundles for people: which files changed, which rules (by id) were added, removed
 * or rewritten, and which manifest fields changed. Rules are read from {@code rules/*.yaml} as
 * written, without compiling them; both sides are stored versions, so both were valid when
 * published. A file that cannot be read as YAML contributes no rules and no manifest fields (its
 * change still shows among the files).
 */
public final class BundleDiffer {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String MANIFEST = "manifest.yaml";

    private BundleDiffer() {
    }

    /** How {@code after} differs from {@code before}. */
    public static BundleDiff diff(BundleFiles before, BundleFiles after) {
        return new BundleDiff(files(before, after), rules(before, after), manifest(before, after));
    }

    private static BundleDiff.FileChanges files(BundleFiles before, BundleFiles after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> old = before.fileDigests();
        Map<String, String> now = after.fileDigests();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String was = old.get(e.getKey());
            if (was == null) {
                added.add(e.getKey());
            } else if (!was.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        for (String path : old.keySet()) {
            if (!now.containsKey(path)) {
                removed.add(path);
            }
        }
        return new BundleDiff.FileChanges(added, removed, changed);
    }

    private static BundleDiff.RuleChanges rules(BundleFiles before, BundleFiles after) {
        Map<String, BundleDiff.Rule> old = rulesOf(before);
        Map<String, BundleDiff.Rule> now = rulesOf(after);
        List<BundleDiff.Rule> added = new ArrayList<>();
        List<BundleDiff.RuleChange> changed = new ArrayList<>();
        for (BundleDiff.Rule rule : now.values()) {
            BundleDiff.Rule was = old.get(rule.id());
            if (was == null) {
                added.add(rule);
            } else {
                List<String> fields = changedFields(was, rule);
                if (!fields.isEmpty()) {
                    changed.add(new BundleDiff.RuleChange(rule.id(), fields, was, rule));
                }
            }
        }
        List<BundleDiff.Rule> removed = old.values().stream().filter(r -> !now.containsKey(r.id())).toList();
        return new BundleDiff.RuleChanges(added, removed, changed);
    }

    private static List<String> changedFields(BundleDiff.Rule before, BundleDiff.Rule after) {
        List<String> fields = new ArrayList<>();
        if (!before.file().equals(after.file())) {
            fields.add("file");
        }
        Set<String> names = new LinkedHashSet<>();
        after.fields().fieldNames().forEachRemaining(names::add);
        before.fields().fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!before.fields().path(name).equals(after.fields().path(name))) {
                fields.add(name);
            }
        }
        return fields;
    }

    /** The rules of a bundle by id, in bundle order (rules files by name, then position). */
    private static Map<String, BundleDiff.Rule> rulesOf(BundleFiles files) {
        Map<String, BundleDiff.Rule> rules = new LinkedHashMap<>();
        for (String path : files.names()) {
            if (!path.startsWith("rules/") || !path.endsWith(".yaml") || path.indexOf('/', 6) >= 0) {
                continue;
            }
            for (JsonNode rule : read(files.bytes(path)).path("rules")) {
                if (rule.isObject() && rule.path("id").isTextual()) {
                    rules.putIfAbsent(rule.get("id").asText(), new BundleDiff.Rule(rule.get("id").asText(), path,
                            rule.path("when").asText(null), rule.path("action").asText(null), rule));
                }
            }
        }
        return rules;
    }

    private static List<BundleDiff.FieldChange> manifest(BundleFiles before, BundleFiles after) {
        JsonNode old = before.contains(MANIFEST) ? read(before.bytes(MANIFEST)) : YAML.createObjectNode();
        JsonNode now = after.contains(MANIFEST) ? read(after.bytes(MANIFEST)) : YAML.createObjectNode();
        Set<String> names = new LinkedHashSet<>();
        now.fieldNames().forEachRemaining(names::add);
        old.fieldNames().forEachRemaining(names::add);
        List<BundleDiff.FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            JsonNode was = old.get(name);
            JsonNode is = now.get(name);
            if (!Objects.equals(was, is)) {
                changes.add(new BundleDiff.FieldChange(name, was, is));
            }
        }
        return changes;
    }

    private static JsonNode read(byte[] yaml) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            return YAML.createObjectNode();
        }
    }
}
