package dev.parapet.control.simulation;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What a draft bundle would have changed.
 *
 * @param draftDigest  the draft's digest
 * @param draftVersion the draft's version
 * @param events       events read
 * @param simulated    events re-decided
 * @param skipped      events without a recorded decision input (refused before policy ran, or
 *                     recorded before inputs were)
 * @param changed      events whose action or reason codes differ under the draft
 * @param degraded     re-decisions in which some condition failed (e.g. one reading tool
 *                     arguments, which are never recorded)
 * @param transitions  one line per change {@code "allow -> block"}: count and example decision ids
 * @param rules        one line per draft rule that decided: how often, how many of those changed
 *                     the decision, and examples of changed ones
 */
public record SimulationReport(@JsonProperty("draft_digest") String draftDigest,
                               @JsonProperty("draft_version") String draftVersion,
                               @JsonProperty("events") int events, @JsonProperty("simulated") int simulated,
                               @JsonProperty("skipped") int skipped, @JsonProperty("changed") int changed,
                               @JsonProperty("degraded") int degraded,
                               @JsonProperty("transitions") List<Line> transitions,
                               @JsonProperty("rules") List<Line> rules) {

    public SimulationReport {
        transitions = List.copyOf(transitions);
        rules = List.copyOf(rules);
    }

    /**
     * @param key      the transition or rule id
     * @param count    how many events
     * @param changed  how many of them changed decision
     * @param examples up to {@value Simulation#EXAMPLES} decision ids of changed events
     */
    public record Line(@JsonProperty("key") String key, @JsonProperty("count") int count,
                       @JsonProperty("changed") int changed, @JsonProperty("examples") List<String> examples) {
        public Line {
            examples = List.copyOf(examples);
        }
    }
}
