/**
 * The shared vocabulary of both planes: who is calling ({@link dev.parapet.core.Principal}),
 * what they asked ({@link dev.parapet.core.Interaction}), what the detectors saw
 * ({@link dev.parapet.core.Finding}), what was decided ({@link dev.parapet.core.Action}) and the
 * stable reason codes that explain it ({@link dev.parapet.core.ReasonCode}).
 *
 * <p>Nothing here does I/O or holds mutable state; every type is a value.
 */
package dev.parapet.core;
