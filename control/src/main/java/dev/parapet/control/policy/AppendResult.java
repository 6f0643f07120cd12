package dev.parapet.control.policy;

/** What appending a version to a tenant's history did. */
public sealed interface AppendResult {

    /** The version was stored and is now the tenant's current one. */
    record Appended(PolicyVersion version) implements AppendResult {
    }

    /** Nothing was stored: the current version already holds exactly these files. */
    record Unchanged(Head head) implements AppendResult {
    }
}
