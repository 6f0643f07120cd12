package dev.parapet.control.provisioning;

import java.util.Objects;

/**
 * Who presented a valid token: the tenant it belongs to, and a name for the principal behind it
 * that audit records and policy versions carry as their actor or author.
 *
 * @param tenantId the tenant the token belongs to
 * @param actor    the admin token's name, or {@code admin_token:<id>} when it has none;
 *                 {@code gateway:<id>} for a gateway token
 */
public record Caller(String tenantId, String actor) {
    public Caller {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
    }
}
