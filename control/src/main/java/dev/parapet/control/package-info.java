/**
 * The Parapet control plane: its configuration ({@link dev.parapet.control.ControlConfig}) and
 * the server that ties the API services to the database ({@link dev.parapet.control.ControlPlane}).
 *
 * <p>Subpackages own one concern each: {@code store} the PostgreSQL database, its migrations and
 * the event store; {@code provisioning} tenants and their credentials; {@code policy} policy
 * bundle versions (publish, rollback, diff, distribution to gateways); {@code audit} the
 * administrative audit trail; {@code api} the HTTP services, error mapping and metrics.
 */
package dev.parapet.control;
