package dev.parapet.detect.risk;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskModelTest {

    private final RiskModel model = new RiskModel(-1.0, new double[] {8, 1, 2, 0.5}, 50, 55, 85, "test");

    private static RiskSignals signals(double signature, double classifier, double heuristic, boolean obfuscated, int exposure) {
        return new RiskSignals(signature, classifier, heuristic, obfuscated, exposure);
    }

    @Test
    void everySignalRaisesTheScoreAndNoneLowersIt() {
        RiskSignals base = signals(0, 0.5, 0, false, 0);
        int before = model.score(base);
        assertThat(model.score(signals(0.5, 0.5, 0, false, 0))).isGreaterThan(before);
        assertThat(model.score(signals(0, 0.9, 0, false, 0))).isGreaterThan(before);
        assertThat(model.score(signals(0, 0.5, 0.8, false, 0))).isGreaterThan(before);
        assertThat(model.score(signals(0, 0.5, 0, true, 0))).isGreaterThan(before);
    }

    @Test
    void sensitiveDataAloneIsCappedBelowTheHoldBand() {
        RiskSignals secret = signals(0, 0, 0, false, 100);
        assertThat(model.score(secret)).isEqualTo(50).isLessThan(model.hold());
        assertThat(model.threat(secret)).isLessThan(50);
    }

    @Test
    void classifierCertaintyIsClippedSoScoresStayFinite() {
        assertThat(model.score(signals(1, 1, 1, true, 100))).isEqualTo(100);
        assertThat(model.score(signals(0, 0, 0, false, 0))).isZero();
    }

    @Test
    void writesAndReadsBackTheSameModel() throws Exception {
        StringWriter out = new StringWriter();
        model.write(out);
        RiskModel read = RiskModel.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(read).isEqualTo(model);
    }

    @Test
    void refusesNegativeWeightsAndThresholdsOutOfOrder() {
        assertThatThrownBy(() -> new RiskModel(0, new double[] {-1, 0, 0, 0}, 50, 50, 80, ""))
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new RiskModel(0, new double[] {1, 0, 0, 0}, 50, 90, 80, ""))
                .hasMessageContaining("hold ≤ block");
        assertThatThrownBy(() -> RiskModel.read(new ByteArrayInputStream("format=2".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("format");
    }

    @Test
    void shippedModelSuggestsAHoldBandBelowItsBlockThresholdAboveTheExposureCap() {
        RiskModel shipped = RiskModel.shipped();
        assertThat(shipped.hold()).isGreaterThan(shipped.exposureCap()).isLessThan(shipped.block());
        assertThat(shipped.provenance()).contains("even ids");
    }

    @Test
    void signalsTakeTheStrongestOfEachLayer() {
        List<Finding> findings = List.of(
                new Finding("injection.jailbreak", "injection", "INJ-1", Severity.HIGH, 0.8, 0, 0, 1),
                new Finding("injection.override", "injection", "INJ-2", Severity.CRITICAL, 0.5, 0, 0, 1),
                new Finding("injection.classifier", "injection", "L3-CLASSIFIER", Severity.HIGH, 0.99, 0, 0, 1),
                new Finding("heuristic.role_markers", "heuristic", "H-1", Severity.LOW, 0.7, 0, 0, 1),
                new Finding("obfuscation.invisible_text", "obfuscation", "O-1", Severity.MEDIUM, 0.9, 0, 0, 1),
                new Finding("secret.aws_access_key", "secret", "S-1", Severity.CRITICAL, 0.9, 0, 0, 1),
                new Finding("pii.email", "pii", "D-1", Severity.MEDIUM, 1.0, 0, 0, 1));
        RiskSignals s = RiskSignals.of(findings, 0.97);
        assertThat(s.signature()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9)); // 0.75 × 0.8 beats 1.0 × 0.5; the classifier is not a signature
        assertThat(s.classifier()).isEqualTo(0.97);
        assertThat(s.heuristic()).isEqualTo(0.7);
        assertThat(s.obfuscated()).isTrue();
        assertThat(s.exposure()).isEqualTo(90);
    }
}
