package dev.parapet.gateway.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;

import java.util.List;
import java.util.Map;

/**
 * The last stage of the decision API: decides with the active bundle and answers 200 with the
 * decision (the OPA route: {@code {"result": ...}}). A block is an answer here, not a refusal:
 * the caller asked whether it may act. Findings are reported by type, location and span —
 * never the text.
 */
public final class DecisionAnswerStage implements Stage {

    /** The OPA document with the whole decision. */
    public static final String OPA_DECISION = "parapet/decision";
    /** The OPA document with a boolean: whether the caller may go ahead. */
    public static final String OPA_ALLOW = "parapet/allow";

    private final ObjectMapper json;

    public DecisionAnswerStage(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        PolicyDecision decision = exchange.policy().decide(new PolicyInput(exchange.principal(), exchange.interaction(),
                exchange.findings(), exchange.riskScore(), exchange.tool(), exchange.receivedAt()));
        exchange.decision(decision);
        if (decision.degraded()) {
            exchange.markDegraded();
        }
        DecisionRequest request = (DecisionRequest) exchange.parsedBody();
        ObjectNode answer = answer(exchange, decision, request.locations(), exchange.policy());
        Object body = answer;
        if (request.opaPath() != null) {
            ObjectNode wrapped = json.createObjectNode();
            if (OPA_ALLOW.equals(request.opaPath())) {
                wrapped.put("result", answer.get("allowed").asBoolean());
            } else {
                wrapped.set("result", answer);
            }
            body = wrapped;
        }
        try {
            exchange.response().send(200, Map.of("Content-Type", "application/json",
                    "x-parapet-decision-id", exchange.decisionId()), json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Outcome.Delivered(200);
    }

    /** Whether the caller may go ahead: allow, alert and redact (with the redactions applied) may. */
    static boolean allowed(Action action) {
        return action != Action.BLOCK && action != Action.HOLD;
    }

    private ObjectNode answer(Exchange exchange, PolicyDecision decision, List<String> locations, PolicyEngine engine) {
        ObjectNode a = json.createObjectNode();
        a.put("decision_id", exchange.decisionId());
        a.put("action", decision.action().wireName());
        a.put("allowed", allowed(decision.action()));
        strings(a.putArray("reason_codes"), decision.reasonCodes());
        strings(a.putArray("matched_rules"), decision.matchedRuleIds());
        strings(a.putArray("monitored_rules"), decision.monitoredRuleIds());
        a.put("risk", exchange.riskScore());
        a.put("risk_band", engine.bundle().riskBand().of(exchange.riskScore()));
        ArrayNode findings = a.putArray("findings");
        for (Finding f : exchange.findings()) {
            ObjectNode n = span(findings.addObject(), f, locations);
            n.put("family", f.family());
            n.put("rule_id", f.ruleId());
            n.put("severity", f.severity().wireName());
            n.put("confidence", f.confidence());
        }
        ArrayNode redact = a.putArray("redactions");
        for (Finding f : decision.redactions()) {
            span(redact.addObject(), f, locations).put("mode", decision.redactModes().get(f.type()).wireName());
        }
        a.put("compliance_score", decision.complianceScore());
        a.put("degraded", decision.degraded());
        ObjectNode bundle = a.putObject("bundle");
        bundle.put("version", decision.bundleVersion());
        bundle.put("digest", decision.bundleDigest());
        return a;
    }

    private static ObjectNode span(ObjectNode n, Finding f, List<String> locations) {
        n.put("type", f.type());
        n.put("location", f.messageIndex() < locations.size() ? locations.get(f.messageIndex()) : "");
        n.put("start", f.start());
        n.put("end", f.end());
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
