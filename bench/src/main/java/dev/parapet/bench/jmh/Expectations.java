package dev.parapet.bench.jmh;

import dev.parapet.core.Finding;
import dev.parapet.detect.DetectionResult;
import java.util.List;

/** Checks in {@code @Setup} that a benchmark's text gives the findings its name promises. */
final class Expectations {

    private Expectations() {
    }

    /**
     * @param text {@code benign}: no finding at all; {@code findings}: at least an e-mail, a card
     *             number and an injection finding
     * @throws IllegalStateException otherwise, so a benchmark never measures the wrong case
     */
    static void check(String text, DetectionResult result) {
        List<String> types = result.findings().stream().map(Finding::type).toList();
        boolean ok = switch (text) {
            case "benign" -> types.isEmpty();
            case "findings" -> types.contains("pii.email") && types.contains("pci.card_number")
                    && types.stream().anyMatch(t -> t.startsWith("injection."));
            default -> throw new IllegalArgumentException("unknown text kind " + text);
        };
        if (!ok) {
            throw new IllegalStateException("the " + text + " text gave unexpected findings " + types);
        }
    }
}
