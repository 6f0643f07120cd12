package dev.parapet.gateway.stage;

import dev.parapet.core.ReasonCode;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.DetectionResult;
import dev.parapet.detect.heuristics.BehaviourBaseline;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the detectors over the interaction's messages, adds the caller's behavioural anomalies
 * (request size and rate against the principal's own baseline, unusual hour) and records
 * findings and risk, as the request's bundle adjusts them ({@code detectors.yaml}: disabled or
 * re-rated signatures, ignored entity types). A detector failure refuses the request
 * (fail-closed) and marks the exchange degraded.
 */
public final class DetectStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(DetectStage.class);
    private final DetectionEngine engine;
    private final BehaviourBaseline baseline;
    private final TenantDetectorSettings settings = new TenantDetectorSettings();

    public DetectStage(DetectionEngine engine, BehaviourBaseline baseline) {
        this.engine = engine;
        this.baseline = baseline;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        DetectionResult result;
        try {
            result = engine.withFindings(engine.scan(exchange.interaction().messages()),
                    baseline.observe(exchange.principal().tenantId() + "/" + exchange.principal().id(),
                            exchange.receivedAt(), exchange.interaction().requestBytes()));
            if (exchange.policy() != null) {
                result = engine.withOverrides(result, settings.of(exchange.policy().bundle()));
            }
        } catch (RuntimeException e) {
            LOG.error("detector failed; refusing (fail-closed) decision_id={} error={}", exchange.decisionId(),
                    e.getClass().getName());
            exchange.markDegraded();
            return Outcome.Refused.of(ReasonCode.POLICY_ERROR, "The request could not be inspected and was refused.");
        }
        exchange.detection(result.findings(), result.riskScore());
        return chain.proceed(exchange);
    }
}
