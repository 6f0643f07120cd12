package dev.parapet.policy;

import dev.parapet.core.Action;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a bundle: who it is for, which version it is and where it came from, and the
 * two settings that apply to all its rules. In a bundle directory it is {@code manifest.yaml};
 * in a single-file bundle, the {@code bundle:} section (which has only name, version, on_error
 * and default_action).
 *
 * @param tenant        the tenant the bundle governs; empty for a bundle meant for any tenant
 *                      (such as the one shipped with Parapet)
 * @param name          a name for people and events
 * @param version       the author's version string; copied into every decision
 * @param parentVersion the version this one was derived from, if any
 * @param createdBy     who made this version, if recorded
 * @param createdAt     when this version was made, if recorded
 * @param message       why this version was made, if recorded
 * @param onError       what a condition that fails to evaluate does
 * @param defaultAction the action when no rule matches; never redact
 */
public record PolicyManifest(Optional<String> tenant, String name, String version, Optional<String> parentVersion,
                             Optional<String> createdBy, Optional<Instant> createdAt, Optional<String> message,
                             OnError onError, Action defaultAction) {

    /** Checks for nulls and that the default action is not redact. */
    public PolicyManifest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(parentVersion, "parentVersion");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(defaultAction, "defaultAction");
        if (defaultAction == Action.REDACT) {
            throw new IllegalArgumentException("default_action cannot be redact (nothing to redact); use allow or block");
        }
    }

    /** The manifest of a single-file bundle, which records only these four fields. */
    static PolicyManifest of(String name, String version, OnError onError, Action defaultAction) {
        return new PolicyManifest(Optional.empty(), name, version, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), onError, defaultAction);
    }
}
