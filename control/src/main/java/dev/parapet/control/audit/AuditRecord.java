package dev.parapet.control.audit;

import java.time.Instant;

/**
 * A stored {@link AuditEntry}.
 *
 * @param id    increasing in the order records were written (across tenants)
 * @param entry what was recorded
 * @param at    when the transaction that wrote it ran
 */
public record AuditRecord(long id, AuditEntry entry, Instant at) {
}
