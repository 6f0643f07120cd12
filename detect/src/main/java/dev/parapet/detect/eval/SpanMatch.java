package dev.parapet.detect.eval;

import java.util.List;

/**
 * How the predicted spans of one text matched its gold spans.
 *
 * @param truePositives  predicted spans that matched a gold span
 * @param falsePositives predicted spans that matched none
 * @param missed         gold spans that no prediction matched
 */
public record SpanMatch(List<EntitySpan> truePositives, List<EntitySpan> falsePositives, List<EntitySpan> missed) {

    /** Copies the lists. */
    public SpanMatch {
        truePositives = List.copyOf(truePositives);
        falsePositives = List.copyOf(falsePositives);
        missed = List.copyOf(missed);
    }
}
