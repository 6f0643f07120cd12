package dev.parapet.detect.eval;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

    @Test
    void injectionTableShowsRatesWithWilsonIntervalsSlicesAndLatency() {
        InjectionReport report = new InjectionReport(new ConfusionMatrix(5, 0, 10, 5), 0.75, 0.5,
                new TreeMap<>(Map.of("benign", new ConfusionMatrix(0, 0, 10, 0),
                        "jailbreak", new ConfusionMatrix(5, 0, 0, 5))),
                new LatencySummary(20, 15.25, 120.0));

        String text = TextReport.render(report);

        assertThat(text)
                .contains("20 texts: 10 attacks, 10 benign")
                .containsPattern("TPR \\(recall\\) +50\\.0% +\\[23\\.7%, 76\\.3%\\] +5 / 10")
                .containsPattern("FPR +0\\.0% +\\[0\\.0%, 27\\.8%\\] +0 / 10")
                .containsPattern("ROC AUC +0\\.750")
                .containsPattern("benign +10 +0 +n/a +0\\.0% \\[0\\.0%, 27\\.8%\\]")
                .contains("p50 15.3 us, p99 120.0 us");
    }

    @Test
    void piiTableSaysWhichTypesAreLeftOutOfTheOverallFigure() {
        PiiReport report = new PiiReport(3, new EntityScore(10, 5, 5),
                new TreeMap<>(Map.of("CREDIT_CARD", new EntityScore(10, 5, 5))),
                new TreeMap<>(Map.of("PERSON", new EntityScore(4, 0, 0))));

        String text = TextReport.render(report);

        assertThat(text)
                .contains("micro-averaged over the pattern-based types below")
                .containsPattern("CREDIT_CARD +10 +5 +5 +100\\.0% \\[56\\.6%, 100\\.0%\\] +50\\.0%")
                .contains("Not in the overall figure")
                .containsPattern("PERSON +4");
    }
}
