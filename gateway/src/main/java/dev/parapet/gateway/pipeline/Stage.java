package dev.parapet.gateway.pipeline;

/**
 * One step of the gateway pipeline, in the manner of an OkHttp interceptor.
 *
 * <p>A stage either ends the exchange by returning an {@link Outcome} of its own (a refusal) or
 * calls {@link Chain#proceed} exactly once and returns, possibly after looking at, what the rest
 * of the chain returned. Stages are shared by all requests and must be thread-safe; per-request
 * state lives in the {@link Exchange}.
 *
 * <p>A stage reports an expected failure (bad input, an unreachable upstream) as an
 * {@link Outcome.Refused}; it throws only on a bug, which the outermost stages turn into a
 * fail-closed refusal.
 */
public interface Stage {

    Outcome handle(Exchange exchange, Chain chain);

    /** The rest of the pipeline after the current stage. */
    interface Chain {
        /** Runs the next stage; may be called once per stage invocation. */
        Outcome proceed(Exchange exchange);
    }
}
