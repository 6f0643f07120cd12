package dev.parapet.control.simulation;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.ToolCall;
import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.DecisionInput;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Re-decides recorded events under a draft bundle and counts what changes.
 *
 * <p>An event is simulated when it carries its {@link DecisionInput} (events of requests refused
 * before policy ran, and events recorded before decision inputs were, are skipped and counted).
 * The input is rebuilt from the event: principal (id, kind, role, attributes), request
 * (provider, endpoint, model, stream, message count, bytes), findings without spans, risk score,
 * the tool's name (its arguments are never recorded: a condition reading them fails and the
 * decision is marked degraded), and the event's time.
 */
public final class Simulation {

    /** How many example decision ids a line of the report keeps. */
    public static final int EXAMPLES = 5;

    private Simulation() {
    }

    /** Simulates {@code events} under {@code draft}. */
    public static SimulationReport run(PolicyEngine draft, List<DecisionEvent> events) {
        Objects.requireNonNull(draft, "draft");
        int simulated = 0;
        int skipped = 0;
        int changed = 0;
        int degraded = 0;
        Map<String, SimulationReport.Line> transitions = new TreeMap<>();
        Map<String, SimulationReport.Line> rules = new TreeMap<>();
        for (DecisionEvent e : events) {
            if (e.decisionInput() == null) {
                skipped++;
                continue;
            }
            simulated++;
            PolicyDecision d = draft.decide(input(e));
            String now = d.action().wireName();
            boolean differs = !now.equals(e.decision()) || !d.reasonCodes().equals(e.reasonCodes());
            if (differs) {
                changed++;
                add(transitions, e.decision() + " -> " + now, e.decisionId());
            }
            if (d.degraded()) {
                degraded++;
            }
            for (String rule : d.matchedRuleIds()) {
                add(rules, rule, differs ? e.decisionId() : null);
            }
        }
        return new SimulationReport(draft.bundle().digest(), draft.bundle().version(), events.size(), simulated,
                skipped, changed, degraded, List.copyOf(transitions.values()), List.copyOf(rules.values()));
    }

    private static void add(Map<String, SimulationReport.Line> lines, String key, String exampleId) {
        SimulationReport.Line line = lines.get(key);
        List<String> examples = line == null ? new ArrayList<>() : new ArrayList<>(line.examples());
        if (exampleId != null && examples.size() < EXAMPLES) {
            examples.add(exampleId);
        }
        lines.put(key, new SimulationReport.Line(key, line == null ? 1 : line.count() + 1,
                (line == null ? 0 : line.changed()) + (exampleId != null ? 1 : 0), examples));
    }

    /** The decision input of a recorded event. */
    static PolicyInput input(DecisionEvent e) {
        DecisionInput in = e.decisionInput();
        Principal principal = new Principal(e.tenantId(), e.principalId(),
                Principal.Kind.valueOf(e.principalKind().toUpperCase(Locale.ROOT)), in.role(), in.attributes());
        // the simulator has no message text, only how many messages there were
        List<ChatMessage> messages = Collections.nCopies(in.messageCount(), new ChatMessage("user", ""));
        Interaction interaction = new Interaction(e.provider(), e.endpoint(), e.model() == null ? "" : e.model(),
                messages, e.stream(), (int) Math.min(Integer.MAX_VALUE, e.requestBytes()));
        List<Finding> findings = in.findings().stream().map(DecisionInput.FindingRecord::toFinding).toList();
        ToolCall tool = in.tool() == null ? null : new ToolCall(in.tool(), Map.of());
        return new PolicyInput(principal, interaction, findings, e.riskScore(), tool, e.ts());
    }
}
