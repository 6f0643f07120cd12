package dev.parapet.gateway.stage;

import dev.parapet.core.Action;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyInput;

/**
 * Evaluates the exchange's policy bundle (the one pinned when it arrived) over principal, request and findings. A block ends the
 * exchange with 403 and the first reason code; so does a hold, since the inline path never waits
 * for a review (the request is not forwarded; the event records the hold); allow, alert and
 * redact go on.
 */
public final class DecideStage implements Stage {
    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        PolicyDecision decision = exchange.policy().decide(new PolicyInput(exchange.principal(), exchange.interaction(),
                exchange.findings(), exchange.riskScore(), exchange.tool(), exchange.receivedAt()));
        exchange.decision(decision);
        if (decision.degraded()) {
            exchange.markDegraded();
        }
        if (decision.action() == Action.BLOCK) {
            String code = decision.reasonCodes().isEmpty() ? "policy_block" : decision.reasonCodes().getFirst();
            return new Outcome.Refused(403, "policy_violation", code,
                    "Request blocked by policy (" + String.join(", ", decision.reasonCodes()) + ").");
        }
        if (decision.action() == Action.HOLD) {
            return new Outcome.Refused(403, "policy_violation", decision.reasonCodes().getFirst(),
                    "Request held for review by policy (" + String.join(", ", decision.reasonCodes())
                            + "); it was not forwarded.");
        }
        return chain.proceed(exchange);
    }
}
