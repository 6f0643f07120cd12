package dev.parapet.gateway.stage;

import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.core.Ids;
import dev.parapet.core.Principal;
import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.DecisionInput;
import dev.parapet.gateway.events.EventSink;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import dev.parapet.policy.PolicyDecision;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost stage: after the rest of the pipeline has answered the client, turns the exchange
 * into a redacted {@link DecisionEvent} (ids, decision, reason codes, finding counts, timings,
 * never text) and hands it to the sink.
 */
public final class EmitStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(EmitStage.class);
    private final String gatewayId;
    private final String gatewayTenant;
    private final EventSink sink;

    /** @param gatewayTenant the tenant that owns requests refused before authentication */
    public EmitStage(String gatewayId, String gatewayTenant, EventSink sink) {
        this.gatewayId = gatewayId;
        this.gatewayTenant = gatewayTenant;
        this.sink = sink;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        Outcome outcome = chain.proceed(exchange);
        DecisionEvent event = toEvent(exchange, outcome);
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            // The client already has its answer; later requests are refused until the spool is writable.
            LOG.error("event could not be recorded decision_id={} error={}", event.decisionId(), e.toString());
        }
        if (!event.decision().equals("allow") || event.errorCode() != null) {
            LOG.info("decision decision_id={} tenant={} decision={} reason_codes={} status={} error_code={}",
                    event.decisionId(), event.tenantId(), event.decision(), event.reasonCodes(), event.httpStatus(),
                    event.errorCode());
        }
        return outcome;
    }

    DecisionEvent toEvent(Exchange ex, Outcome outcome) {
        Principal principal = ex.principal() != null ? ex.principal() : Principal.anonymous(gatewayTenant);
        PolicyDecision decision = ex.decision();
        String action;
        List<String> reasons;
        List<String> rules;
        String errorCode = null;
        if (decision == null) {
            // Refused before policy ran: authentication, parsing, or a detector failure.
            action = Action.BLOCK.wireName();
            reasons = outcome instanceof Outcome.Refused r ? List.of(r.code()) : List.of();
            rules = List.of();
        } else {
            action = decision.action().wireName();
            reasons = decision.reasonCodes();
            rules = decision.matchedRuleIds();
            if (decision.action() != Action.BLOCK && outcome instanceof Outcome.Refused r) {
                errorCode = r.code();
            }
        }
        long totalNanos = System.nanoTime() - ex.startNanos();
        long gatewayMicros = Math.max(0, (totalNanos - ex.upstreamNanos()) / 1_000);
        return new DecisionEvent(DecisionEvent.SCHEMA_VERSION, Ids.newId().toString(), ex.decisionId(),
                ex.receivedAt(), principal.tenantId(), principal.id(), principal.kind().name().toLowerCase(Locale.ROOT),
                gatewayId, ex.provider(), ex.endpoint(),
                ex.interaction() == null ? null : ex.interaction().model(),
                ex.interaction() != null && ex.interaction().stream(),
                action, reasons, rules,
                DecisionEvent.countByType(ex.findings().stream().map(Finding::type).toList()),
                ex.riskScore(), outcome.status(), errorCode, ex.body() == null ? 0 : ex.body().length,
                gatewayMicros, ex.upstreamHeadersMillis(),
                decision == null ? ex.policy().bundle().digest() : decision.bundleDigest(),
                decision == null ? ex.policy().bundle().version() : decision.bundleVersion(), ex.degraded(),
                decision == null ? List.of() : decision.monitoredRuleIds(), decisionInput(ex));
    }

    /** What policy decided on, without content; null when policy did not run. */
    static DecisionInput decisionInput(Exchange ex) {
        if (ex.decision() == null || ex.principal() == null || ex.interaction() == null) {
            return null;
        }
        return new DecisionInput(ex.principal().role(), ex.principal().attributes(), ex.interaction().messages().size(),
                ex.findings().stream().map(DecisionInput.FindingRecord::of).toList(),
                ex.tool() == null ? null : ex.tool().name());
    }
}
