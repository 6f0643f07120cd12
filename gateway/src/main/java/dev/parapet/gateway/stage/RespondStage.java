package dev.parapet.gateway.stage;

import dev.parapet.core.ReasonCode;
import dev.parapet.gateway.openai.OpenAiErrorBody;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes refusals to the client as OpenAI-style error bodies with the decision id, and turns a
 * bug anywhere below into a fail-closed 500 rather than a dropped connection or a pass.
 */
public final class RespondStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(RespondStage.class);
    private final OpenAiErrorBody errors;

    public RespondStage(OpenAiErrorBody errors) {
        this.errors = errors;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        Outcome outcome;
        try {
            outcome = chain.proceed(exchange);
        } catch (RuntimeException e) {
            LOG.error("gateway stage failed; refusing (fail-closed) decision_id={}", exchange.decisionId(), e);
            exchange.markDegraded();
            outcome = Outcome.Refused.of(ReasonCode.INTERNAL_ERROR, "Internal gateway error; the request was refused.");
        }
        if (outcome instanceof Outcome.Refused refused && !exchange.response().committed()) {
            exchange.response().send(refused.status(),
                    Map.of("Content-Type", "application/json", "x-parapet-decision-id", exchange.decisionId()),
                    errors.of(refused, exchange.decisionId()));
        }
        return outcome;
    }
}
