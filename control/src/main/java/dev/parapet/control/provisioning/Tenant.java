package dev.parapet.control.provisioning;

import java.time.Instant;

/** A tenant: the unit of isolation for data, policies and credentials. */
public record Tenant(String id, String name, Instant createdAt) {
}
