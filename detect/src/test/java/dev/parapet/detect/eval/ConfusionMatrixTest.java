package dev.parapet.detect.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfusionMatrixTest {

    // 8 attacks (6 flagged), 12 benign (2 flagged)
    private static final ConfusionMatrix TABLE = new ConfusionMatrix(6, 2, 10, 2);

    @Test
    void ratesComeFromTheRightCells() {
        assertThat(TABLE.n()).isEqualTo(20);
        assertThat(TABLE.tpr()).isEqualTo(new Proportion(6, 8));
        assertThat(TABLE.recall()).isEqualTo(TABLE.tpr());
        assertThat(TABLE.fpr()).isEqualTo(new Proportion(2, 12));
        assertThat(TABLE.precision()).isEqualTo(new Proportion(6, 8));
    }

    @Test
    void f1AndBalancedAccuracyCombineTheRates() {
        assertThat(TABLE.f1()).isCloseTo(0.75, within(1e-12));
        assertThat(TABLE.balancedAccuracy()).isCloseTo((0.75 + 10.0 / 12) / 2, within(1e-12));
    }

    @Test
    void addingObservationsFillsTheMatchingCell() {
        ConfusionMatrix m = ConfusionMatrix.EMPTY
                .plus(true, true).plus(true, false).plus(false, true).plus(false, false).plus(false, false);
        assertThat(m).isEqualTo(new ConfusionMatrix(1, 1, 2, 1));
        assertThat(m.plus(m)).isEqualTo(new ConfusionMatrix(2, 2, 4, 2));
    }

    @Test
    void ratesOfAnAbsentClassAreUndefined() {
        ConfusionMatrix benignOnly = new ConfusionMatrix(0, 1, 9, 0);
        assertThat(benignOnly.tpr().isDefined()).isFalse();
        assertThat(benignOnly.tpr().value()).isNaN();
        assertThat(benignOnly.balancedAccuracy()).isNaN();
        assertThat(benignOnly.fpr().value()).isCloseTo(0.1, within(1e-12));
    }
}
