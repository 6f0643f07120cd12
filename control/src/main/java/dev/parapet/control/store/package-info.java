/**
 * The control plane's PostgreSQL database: where it runs ({@link dev.parapet.control.store.DatabaseSettings},
 * {@link dev.parapet.control.store.EmbeddedDatabase}), the pooled connection to it
 * ({@link dev.parapet.control.store.ControlDatabase}), its schema ({@link dev.parapet.control.store.Migrations},
 * scripts under {@code db/migration}) and the decision-event store
 * ({@link dev.parapet.control.store.EventStore}).
 *
 * <p>Every query on a tenant-owned table filters on {@code tenant_id}.
 */
package dev.parapet.control.store;
