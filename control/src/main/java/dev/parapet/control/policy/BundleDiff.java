package dev.parapet.control.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * How one bundle differs from another: its files, its rules by id, and its manifest's fields.
 * Made by {@link BundleDiffer}; serialised as is by the API.
 *
 * @param files    paths added, removed and changed (any byte), sorted
 * @param rules    rules added, removed and changed, by id
 * @param manifest the fields of {@code manifest.yaml} whose value changed, appeared or went away
 */
public record BundleDiff(@JsonProperty("files") FileChanges files, @JsonProperty("rules") RuleChanges rules,
                         @JsonProperty("manifest") List<FieldChange> manifest) {
    public BundleDiff {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(rules, "rules");
        manifest = List.copyOf(manifest);
    }

    /** Whether the two bundles hold the same files. */
    public boolean isEmpty() {
        return files.added().isEmpty() && files.removed().isEmpty() && files.changed().isEmpty();
    }

    /** Bundle paths by what happened to them. */
    public record FileChanges(@JsonProperty("added") List<String> added, @JsonProperty("removed") List<String> removed,
                              @JsonProperty("changed") List<String> changed) {
        public FileChanges {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }

    /** Rules by what happened to them, each list in bundle order. */
    public record RuleChanges(@JsonProperty("added") List<Rule> added, @JsonProperty("removed") List<Rule> removed,
                              @JsonProperty("changed") List<RuleChange> changed) {
        public RuleChanges {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }

    /**
     * A rule as written in its file.
     *
     * @param id     the rule's id
     * @param file   the rules file that holds it
     * @param when   its CEL condition
     * @param action its action
     * @param fields every field of the rule as written ({@code when}, {@code action}, {@code reason_code}, …)
     */
    public record Rule(@JsonProperty("id") String id, @JsonProperty("file") String file, @JsonProperty("when") String when,
                       @JsonProperty("action") String action, @JsonProperty("fields") JsonNode fields) {
    }

    /**
     * A rule present in both bundles, written differently.
     *
     * @param id      the rule's id
     * @param changed the names of the fields that differ ({@code file} when it moved to another file)
     * @param before  the rule in the older bundle
     * @param after   the rule in the newer bundle
     */
    public record RuleChange(@JsonProperty("id") String id, @JsonProperty("changed_fields") List<String> changed,
                             @JsonProperty("before") Rule before, @JsonProperty("after") Rule after) {
        public RuleChange {
            changed = List.copyOf(changed);
        }
    }

    /**
     * A manifest field whose value differs; null stands for absent.
     *
     * @param field  the field, e.g. {@code version}
     * @param before its value in the older bundle, or null
     * @param after  its value in the newer bundle, or null
     */
    public record FieldChange(@JsonProperty("field") String field, @JsonProperty("before") JsonNode before,
                              @JsonProperty("after") JsonNode after) {
    }
}
