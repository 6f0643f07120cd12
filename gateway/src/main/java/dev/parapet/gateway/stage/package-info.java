/**
 * The gateway's stages, one job each, in the order {@link dev.parapet.gateway.Gateway#pipeline}
 * assembles them: emit, respond, audit-available, authenticate, parse, detect, decide, transform, forward.
 */
package dev.parapet.gateway.stage;
