package dev.parapet.gateway.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.heuristics.BehaviourBaseline;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectStageTest {
    private static final Principal CALLER = new Principal("t1", "svc-1", Principal.Kind.SERVICE, "developer", Map.of());
    private final DetectStage stage = new DetectStage(DetectionEngine.defaults(), BehaviourBaseline.defaults());

    private Exchange request(Instant at, String text) {
        Exchange ex = new Exchange("d", at, System.nanoTime(), "openai", "chat.completions", null, null);
        ex.principal(CALLER);
        ex.interaction(new Interaction("openai", "chat.completions", "m", List.of(new ChatMessage("user", text)),
                false, text.length() + 60));
        return ex;
    }

    @Test
    void aRequestFarLargerThanTheCallersUsualOnesIsAnAnomalyFinding() {
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        for (int i = 0; i < 40; i++) {
            Exchange usual = request(t.plusSeconds(60L * i), "Please summarise ticket " + i + " in two lines.");
            stage.handle(usual, ex -> new Outcome.Delivered(200));
            assertThat(usual.findings()).extracting(Finding::type).noneMatch(type -> type.startsWith("heuristic.anomalous"));
        }
        Exchange huge = request(t.plusSeconds(60L * 41), "Please summarise this log. " + "line of log output ".repeat(2000));

        stage.handle(huge, ex -> new Outcome.Delivered(200));

        assertThat(huge.findings()).extracting(Finding::type).contains("heuristic.anomalous_length");
        assertThat(huge.riskScore()).isPositive();
    }

    @Test
    void theBundlesDetectorSettingsAdjustFindingsAndRisk() throws Exception {
        java.util.Map<String, byte[]> files = java.util.Map.of(
                "manifest.yaml", "name: t\nversion: \"1\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "rules/10.yaml", "rules: []\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "detectors.yaml", "dlp:\n  entities:\n    pii.email: ignore\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        dev.parapet.policy.PolicyEngine tenantPolicy = new dev.parapet.policy.PolicyEngine(
                dev.parapet.policy.PolicyBundle.fromFiles(dev.parapet.policy.BundleFiles.of(files)));
        Exchange plain = request(Instant.parse("2026-11-22T10:00:00Z"), "Write to jane@example.com about lunch.");
        Exchange adjusted = request(Instant.parse("2026-11-22T10:00:00Z"), "Write to jane@example.com about lunch.");
        adjusted.policy(tenantPolicy);

        stage.handle(plain, ex -> new Outcome.Delivered(200));
        stage.handle(adjusted, ex -> new Outcome.Delivered(200));

        assertThat(plain.findings()).extracting(Finding::type).contains("pii.email");
        assertThat(adjusted.findings()).extracting(Finding::type).doesNotContain("pii.email");
    }
}
