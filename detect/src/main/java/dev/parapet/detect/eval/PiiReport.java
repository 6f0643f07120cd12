package dev.parapet.detect.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * The measurement of a PII file.
 *
 * @param texts        rows scanned
 * @param overall      the micro-average over {@code entities}: their counts summed
 * @param entities     per entity type that {@link EntityTypes} maps to and that occurs in the gold
 *                     spans or the predictions, in the table's order
 * @param notInOverall per gold entity type that no finding type maps to (recall 0 by
 *                     construction), by descending count; left out of {@code overall}
 */
public record PiiReport(long texts, EntityScore overall, SequencedMap<String, EntityScore> entities,
                        SequencedMap<String, EntityScore> notInOverall) implements EvalReport {

    /** Copies the maps, keeping their order. */
    public PiiReport {
        Objects.requireNonNull(overall, "overall");
        entities = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(entities));
        notInOverall = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(notInOverall));
    }
}
