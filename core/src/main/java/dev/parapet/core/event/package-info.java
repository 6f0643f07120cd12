/**
 * Event schema v1: the only record of an interaction that leaves the gateway. It carries ids,
 * the decision and its reasons, counts of finding types and timings, never prompt or response
 * text. Changes are additive only; a reader ignores fields it does not know.
 *
 * <p>{@link dev.parapet.core.event.EventBatch} is the body of the gateway-to-control-plane
 * delivery call, and {@link dev.parapet.core.event.EventJson} the one JSON mapping both planes use.
 */
package dev.parapet.core.event;
