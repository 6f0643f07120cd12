package dev.parapet.detect.risk;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskCalibrationTest {

    /** Attacks have a strong classifier score and often a signature; benign rows neither. */
    private static List<RiskCalibration.Row> rows(long seed) {
        Random random = new Random(seed);
        List<RiskCalibration.Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double p = Math.min(0.999, 0.6 + 0.4 * random.nextDouble());
            rows.add(new RiskCalibration.Row(new RiskSignals(random.nextBoolean() ? 0.75 : 0, p, 0, false, 0), true));
        }
        for (int i = 0; i < 2000; i++) {
            double p = Math.min(0.999, 0.7 * random.nextDouble() * random.nextDouble());
            rows.add(new RiskCalibration.Row(new RiskSignals(0, p, random.nextDouble() < 0.05 ? 0.6 : 0, false,
                    random.nextInt(60)), false));
        }
        return rows;
    }

    @Test
    void fittedModelSeparatesTheClassesAndHonoursTheFalsePositiveTargets() {
        List<RiskCalibration.Row> rows = rows(1);
        RiskModel model = RiskCalibration.fit(rows, new RiskCalibration.Targets(0.03, 0.005, 50), "synthetic");
        long benignBlocked = rows.stream().filter(r -> !r.attack() && model.score(r.signals()) >= model.block()).count();
        long benignHeldOrBlocked = rows.stream().filter(r -> !r.attack() && model.score(r.signals()) >= model.hold()).count();
        long attacksBlocked = rows.stream().filter(r -> r.attack() && model.score(r.signals()) >= model.block()).count();
        assertThat(benignBlocked).isLessThanOrEqualTo(10);       // 0.5% of 2,000
        assertThat(benignHeldOrBlocked).isLessThanOrEqualTo(60); // 3% of 2,000
        assertThat(attacksBlocked).isGreaterThan(150);
        assertThat(model.weights()[0]).isPositive(); // the signature separates: it must count
        assertThat(model.hold()).isLessThanOrEqualTo(model.block());
    }

    @Test
    void sameRowsGiveTheSameModel() {
        RiskCalibration.Targets targets = new RiskCalibration.Targets(0.03, 0.005, 50);
        assertThat(RiskCalibration.fit(rows(7), targets, "x")).isEqualTo(RiskCalibration.fit(rows(7), targets, "x"));
    }

    @Test
    void scoreIsAtEvenPriorOddsWhateverTheShareOfAttacks() {
        RiskCalibration.Targets targets = new RiskCalibration.Targets(0.03, 0.005, 50);
        List<RiskCalibration.Row> rows = rows(3);
        List<RiskCalibration.Row> moreBenign = new ArrayList<>(rows);
        moreBenign.addAll(rows.stream().filter(r -> !r.attack()).toList());
        double a = RiskCalibration.fit(rows, targets, "x").intercept();
        double b = RiskCalibration.fit(moreBenign, targets, "x").intercept();
        // without the move to even odds, doubling the benign rows would shift the intercept by ln 2 ≈ 0.69
        assertThat(Math.abs(a - b)).isLessThan(0.25);
    }

    @Test
    void needsBothClasses() {
        List<RiskCalibration.Row> onlyBenign = rows(1).stream().filter(r -> !r.attack()).toList();
        assertThatThrownBy(() -> RiskCalibration.fit(onlyBenign, new RiskCalibration.Targets(0.03, 0.005, 50), "x"))
                .hasMessageContaining("needs attacks and benign");
    }

    @Test
    void lowestThresholdKeepsAtMostTheGivenShareAtOrAbove() {
        int[] benign = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90};
        assertThat(RiskCalibration.lowestThreshold(benign, 0.2)).isEqualTo(71);
        assertThat(RiskCalibration.lowestThreshold(benign, 0.0)).isEqualTo(91);
    }
}
