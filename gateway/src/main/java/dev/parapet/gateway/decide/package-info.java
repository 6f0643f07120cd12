/**
 * The decision API for callers that are not model requests — an agent asking "may I call this
 * tool with these arguments?": {@code POST /v1/decide} and the OPA-compatible
 * {@code POST /v1/data/parapet/{decision|allow}}. The request runs through the same
 * authenticate, detect and decide stages as a model request (the arguments' text is scanned) and
 * is audited the same way; the answer is the decision itself, never a refusal.
 */
package dev.parapet.gateway.decide;
