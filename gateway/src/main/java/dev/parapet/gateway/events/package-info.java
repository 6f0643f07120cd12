/**
 * Getting events to the control plane without losing any: the {@link dev.parapet.gateway.events.EventSpool}
 * writes each event to disk before anything else happens to it, and the
 * {@link dev.parapet.gateway.events.EventShipper} delivers spooled events in batches, retrying
 * with backoff while the control plane is away. Delivery is at least once; the control plane
 * stores each event id once.
 */
package dev.parapet.gateway.events;
