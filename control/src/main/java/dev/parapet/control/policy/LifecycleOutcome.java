package dev.parapet.control.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a publish or a rollback did. */
public sealed interface LifecycleOutcome {

    /**
     * A new version was stored and is now current.
     *
     * @param version  its record
     * @param signedBy the key ids of all its signatures, the control plane's last
     */
    record Published(PolicyVersion version, List<String> signedBy) implements LifecycleOutcome {
        public Published {
            Objects.requireNonNull(version, "version");
            signedBy = List.copyOf(signedBy);
        }
    }

    /** Nothing was stored: the current version already holds exactly this content. */
    record Unchanged(Head head) implements LifecycleOutcome {
    }

    /**
     * The upload is not a valid bundle.
     *
     * @param message what is wrong, naming the file (and rule or field) at fault
     * @param file    the bundle path at fault, when one is
     */
    record Invalid(String message, Optional<String> file) implements LifecycleOutcome {
    }

    /** This control plane has no signing key, so it publishes nothing. */
    record NoSigningKey() implements LifecycleOutcome {
    }

    /** A rollback named a version the tenant does not have. */
    record UnknownVersion(int version) implements LifecycleOutcome {
    }
}
