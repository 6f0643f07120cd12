/**
 * L2 heuristics: cheap features of a message and of a principal's behaviour that raise the risk
 * score without blocking on their own (family {@code heuristic}).
 *
 * <p>{@link dev.parapet.detect.heuristics.HeuristicDetector} scores one message: instruction
 * density, role markers, references to the system prompt or earlier context, the share of
 * encoded payload and of invisible characters, and MinHash similarity to attack exemplars shipped
 * as {@code attack-exemplars.txt}. {@link dev.parapet.detect.heuristics.BehaviourBaseline} keeps
 * per-principal moving averages of request length, request rate and hour of day and reports
 * observations far outside them. Thresholds and how they were chosen: docs/detection-heuristics.md.
 */
package dev.parapet.detect.heuristics;
