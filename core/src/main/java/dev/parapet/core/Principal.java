package dev.parapet.core;

import java.util.Map;
import java.util.Objects;

/**
 * The authenticated caller of one interaction.
 *
 * @param tenantId   the tenant the caller belongs to; every decision and event is scoped to it
 * @param id         a stable identifier of the caller within the tenant (user, agent or key id)
 * @param kind       what sort of identity this is
 * @param role       the caller's role, as policies refer to it (e.g. {@code developer})
 * @param attributes further attributes policies may test (team, region, ...); never secrets
 */
public record Principal(String tenantId, String id, Kind kind, String role, Map<String, String> attributes) {

    /** The sorts of identity that call the gateway. */
    public enum Kind { USER, AGENT, SERVICE, ANONYMOUS }

    public Principal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        attributes = Map.copyOf(attributes);
    }

    /** The principal recorded for requests that never authenticated, attributed to the gateway's tenant. */
    public static Principal anonymous(String tenantId) {
        return new Principal(tenantId, "anonymous", Kind.ANONYMOUS, "none", Map.of());
    }
}
