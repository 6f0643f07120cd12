package dev.parapet.detect.eval;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.DetectionResult;
import dev.parapet.detect.risk.RiskSignals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InjectionEvaluationTest {

    private static final InjectionSample ATTACK = new InjectionSample("a", "text", true, "direct_injection");

    private static Finding finding(String type, double confidence) {
        String family = type.substring(0, type.indexOf('.'));
        return new Finding(type, family, "R-1", Severity.HIGH, confidence, 0, 0, 4);
    }

    @Test
    void scoreIsTheRiskScoreAndTheVerdictIsReachingTheBlockThreshold() {
        List<Finding> findings = List.of(finding("pii.email", 1.0), finding("injection.jailbreak", 0.85));
        DetectionResult result = new DetectionResult(findings, RiskSignals.of(findings, 0.9), 90);
        InjectionObservation o = InjectionEvaluation.observe(ATTACK, result, 1_500, 85);
        assertThat(o.flagged()).isTrue();
        assertThat(o.score()).isEqualTo(0.90);
        assertThat(o.scanNanos()).isEqualTo(1_500);
    }

    @Test
    void aRiskBelowTheBlockThresholdIsNotFlagged() {
        List<Finding> findings = List.of(finding("pii.email", 1.0));
        DetectionResult result = new DetectionResult(findings, RiskSignals.of(findings, 0.0), 50);
        InjectionObservation o = InjectionEvaluation.observe(ATTACK, result, 1, 85);
        assertThat(o.flagged()).isFalse();
        assertThat(o.score()).isEqualTo(0.5);
    }

    @Test
    void reportCountsOverallAndPerSliceFromObservations() {
        List<InjectionObservation> observations = new ArrayList<>();
        observations.add(new InjectionObservation(true, "jailbreak", true, 0.9, 10_000));
        observations.add(new InjectionObservation(true, "jailbreak", false, 0, 20_000));
        observations.add(new InjectionObservation(true, "direct_injection", true, 0.8, 30_000));
        observations.add(new InjectionObservation(false, "benign", false, 0, 40_000));
        observations.add(new InjectionObservation(false, "benign", true, 0.7, 50_000));
        observations.add(new InjectionObservation(false, "hard_negative", false, 0, 60_000));

        InjectionReport r = InjectionReport.of(observations);

        assertThat(r.overall()).isEqualTo(new ConfusionMatrix(2, 1, 2, 1));
        assertThat(r.slices()).containsOnlyKeys("benign", "direct_injection", "hard_negative", "jailbreak");
        assertThat(r.slices().get("jailbreak")).isEqualTo(new ConfusionMatrix(1, 0, 0, 1));
        assertThat(r.slices().get("benign")).isEqualTo(new ConfusionMatrix(0, 1, 1, 0));
        // positives 0.9, 0, 0.8 vs negatives 0, 0.7, 0: wins 3 + 1 (two ties) + 3 = 7 of 9
        assertThat(r.auc()).isCloseTo(7.0 / 9, within(1e-12));
        // three negatives allow no false positive: bar 0.7, positives above it 0.9 and 0.8
        assertThat(r.tprAt1PctFpr()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.latency()).isEqualTo(new LatencySummary(6, 30.0, 60.0));
    }

    @Test
    void measuresTheDefaultEngineOnTheFixture() throws Exception {
        InjectionReport r = InjectionEvaluation.run(EvalFileReaderTest.fixture("injection-tiny.jsonl"),
                DetectionEngine.defaults());

        // three plain attacks caught, the veiled one missed; both hard negatives pass
        assertThat(r.overall()).isEqualTo(new ConfusionMatrix(3, 0, 4, 1));
        assertThat(r.slices().get("jailbreak").tpr().value()).isEqualTo(1.0);
        assertThat(r.slices().get("hard_negative").fpr()).isEqualTo(new Proportion(0, 2));
        assertThat(r.latency().samples()).isEqualTo(8);
        assertThat(r.latency().p99Micros()).isGreaterThanOrEqualTo(r.latency().p50Micros()).isPositive();
    }

    @Test
    void reportsProgressOncePerCountedText() throws Exception {
        List<Integer> done = new ArrayList<>();
        InjectionEvaluation.run(EvalFileReaderTest.fixture("injection-tiny.jsonl"), DetectionEngine.defaults(),
                (n, total) -> {
                    assertThat(total).isEqualTo(8);
                    done.add(n);
                });
        assertThat(done).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
