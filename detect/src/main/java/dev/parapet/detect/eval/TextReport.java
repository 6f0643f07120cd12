package dev.parapet.detect.eval;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a report as a table for people: rates in percent with their Wilson 95% intervals and
 * counts, F-scores, AUC and balanced accuracy as fractions, {@code n/a} where a figure is
 * undefined.
 */
public final class TextReport {

    private TextReport() {
    }

    /** The report as lines of text, ending with a newline. */
    public static String render(EvalReport report) {
        return switch (report) {
            case InjectionReport r -> injection(r);
            case PiiReport r -> pii(r);
        };
    }

    private static String injection(InjectionReport r) {
        ConfusionMatrix m = r.overall();
        StringBuilder out = new StringBuilder();
        line(out, "Injection evaluation of %d texts: %d attacks, %d benign", m.n(), m.positives(), m.negatives());
        line(out, "A text is predicted attack when it has any injection finding; its score is the highest "
                + "confidence among them.");
        line(out, "");
        line(out, "Overall              value    95%% Wilson interval   count");
        rateRow(out, "TPR (recall)", m.tpr());
        rateRow(out, "FPR", m.fpr());
        rateRow(out, "Precision", m.precision());
        line(out, "  %-18s %6s", "F1", fraction(m.f1()));
        line(out, "  %-18s %6s", "Balanced accuracy", fraction(m.balancedAccuracy()));
        line(out, "  %-18s %6s", "ROC AUC", fraction(r.auc()));
        line(out, "  %-18s %6s   (best of the score-threshold sweep)", "TPR at 1% FPR", percent(r.tprAt1PctFpr()));
        line(out, "  Confusion: TP %d  FP %d  TN %d  FN %d",
                m.truePositives(), m.falsePositives(), m.trueNegatives(), m.falseNegatives());
        line(out, "");
        line(out, "Per slice                n  flagged  TPR [95%% CI]                FPR [95%% CI]");
        for (Map.Entry<String, ConfusionMatrix> e : r.slices().entrySet()) {
            ConfusionMatrix s = e.getValue();
            line(out, "  %-18s %6d  %7d  %-26s  %s", e.getKey(), s.n(), s.truePositives() + s.falsePositives(),
                    withInterval(s.tpr()), withInterval(s.fpr()));
        }
        line(out, "");
        LatencySummary l = r.latency();
        line(out, "Latency per text (wall time of engine.scan, after %d warm-up scans, %d texts): p50 %s us, p99 %s us",
                InjectionEvaluation.WARMUP_SCANS, l.samples(), micros(l.p50Micros()), micros(l.p99Micros()));
        return out.toString();
    }

    private static String pii(PiiReport r) {
        StringBuilder out = new StringBuilder();
        EntityScore o = r.overall();
        line(out, "PII span evaluation of %d texts", r.texts());
        line(out, "A predicted span matches when it overlaps a not-yet-matched gold span of the same type "
                + "(greedy, by position).");
        line(out, "");
        line(out, "Overall, micro-averaged over the pattern-based types below (%d gold spans, %d predicted):",
                o.n(), o.predicted());
        line(out, "  precision %s   recall %s   F2 %s", withInterval(o.precision()), withInterval(o.recall()),
                fraction(o.f2()));
        line(out, "");
        line(out, "  %-18s %5s %9s %7s  %-26s  %-26s  %s", "type", "n", "predicted", "matched",
                "precision [95% CI]", "recall [95% CI]", "F2");
        r.entities().forEach((type, s) -> line(out, "  %-18s %5d %9d %7d  %-26s  %-26s  %s", type, s.n(),
                s.predicted(), s.truePositives(), withInterval(s.precision()), withInterval(s.recall()),
                fraction(s.f2())));
        if (!r.notInOverall().isEmpty()) {
            line(out, "");
            line(out, "Not in the overall figure (no detector maps to these types; recall 0):");
            r.notInOverall().forEach((type, s) -> line(out, "  %-18s %5d", type, s.n()));
        }
        return out.toString();
    }

    private static void rateRow(StringBuilder out, String name, Proportion p) {
        line(out, "  %-18s %6s   %-20s  %d / %d", name, percent(p.value()), interval(p), p.count(), p.total());
    }

    private static String withInterval(Proportion p) {
        return p.isDefined() ? percent(p.value()) + " " + interval(p) : "n/a";
    }

    private static String interval(Proportion p) {
        if (!p.isDefined()) {
            return "n/a";
        }
        Interval i = p.wilson95();
        return "[" + percent(i.lower()) + ", " + percent(i.upper()) + "]";
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String fraction(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String micros(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
