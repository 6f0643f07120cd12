package dev.parapet.gateway.stage;

import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import dev.parapet.policy.PolicyEngine;
import java.util.function.Supplier;

/**
 * The first stage: reads the active bundle once and pins it to the exchange, so that every later
 * stage and the event use that bundle even when another is swapped in mid-request.
 */
public final class PinBundleStage implements Stage {
    private final Supplier<PolicyEngine> active;

    /** @param active the engine of the bundle being enforced now */
    public PinBundleStage(Supplier<PolicyEngine> active) {
        this.active = active;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        exchange.policy(active.get());
        return chain.proceed(exchange);
    }
}
