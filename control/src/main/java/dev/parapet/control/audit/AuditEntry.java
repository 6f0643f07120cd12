package dev.parapet.control.audit;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One administrative change to record: who did what to which object of a tenant.
 *
 * @param tenantId the tenant whose configuration changed
 * @param actor    who changed it (see {@link dev.parapet.control.provisioning.Caller#actor()})
 * @param action   a stable dotted code, e.g. {@value AdminAuditLog#POLICY_PUBLISH}
 * @param target   the object changed, e.g. {@code policy_version:7}
 * @param details  further facts as JSON values (strings, numbers, booleans, nulls, lists, maps)
 */
public record AuditEntry(String tenantId, String actor, String action, String target, Map<String, Object> details) {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+");

    public AuditEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must be dotted lower-case words, e.g. policy.publish: " + action);
        }
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
