package dev.parapet.gateway.stage;

import dev.parapet.core.ReasonCode;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import java.util.function.BooleanSupplier;

/**
 * Refuses traffic the gateway could not record: while the event spool is not writable every
 * request gets 503 {@code audit_unavailable}. The refusal's own event is the probe; once a write
 * succeeds again, traffic flows again.
 */
public final class AuditAvailableStage implements Stage {
    private final BooleanSupplier spoolWritable;

    public AuditAvailableStage(BooleanSupplier spoolWritable) {
        this.spoolWritable = spoolWritable;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        if (!spoolWritable.getAsBoolean()) {
            return Outcome.Refused.of(ReasonCode.AUDIT_UNAVAILABLE,
                    "The gateway cannot record events right now; the request was refused.");
        }
        return chain.proceed(exchange);
    }
}
