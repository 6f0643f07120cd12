package dev.parapet.detect.heuristics;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import dev.parapet.detect.Detector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * L2 heuristics over one message: cheap features that yield findings of family
 * {@code heuristic} when they cross a threshold. Each raises the risk score (severity low or
 * medium) and none blocks on its own under the default policy.
 *
 * <ul>
 *   <li>{@code heuristic.instruction_density}: at least {@link Thresholds#minInstructions()}
 *       sentences, and a share of at least {@link Thresholds#instructionDensity()} of all
 *       sentences, open with a verb from a small lexicon of instructions to a model ("ignore",
 *       "pretend", "reveal", ...) or address the model ("you must", "your task"). Span: the
 *       message.</li>
 *   <li>{@code heuristic.role_marker}: text posing as another turn or role — a line labelled
 *       {@code system:}, {@code assistant:} or {@code ### Instruction}, chat-template tokens
 *       ({@code <|im_start|>}, {@code [INST]}, {@code <<SYS>>}), or "you are now", "from now on
 *       you", "act as". Span: first to last marker.</li>
 *   <li>{@code heuristic.system_prompt_reference}: mentions of the system prompt, hidden or
 *       previous instructions, or the earlier context. Span: first to last mention.</li>
 *   <li>{@code heuristic.encoded_payload}: the share of non-space characters in base64- or
 *       hex-like runs reaches {@link Thresholds#encodedRatio()}. Span: first to last run.</li>
 *   <li>{@code heuristic.invisible_characters}: the share of invisible format characters reaches
 *       {@link Thresholds#invisibleRatio()}. Span: first to last such character.</li>
 *   <li>{@code heuristic.known_attack_similarity}: the estimated Jaccard similarity of the
 *       message's word 3-shingles with one of the shipped attack exemplars reaches
 *       {@link Thresholds#similarity()} (64-bin MinHash). The rule id names the exemplar. Span:
 *       the message.</li>
 * </ul>
 * Confidence grows from 0.5 at the threshold to 1.0 at a documented "full" value per feature.
 * Immutable and thread-safe; linear in the text's length.
 */
public final class HeuristicDetector implements Detector {
    public static final String FAMILY = "heuristic";
    public static final String INSTRUCTION_DENSITY = "heuristic.instruction_density";
    public static final String ROLE_MARKER = "heuristic.role_marker";
    public static final String SYSTEM_PROMPT_REFERENCE = "heuristic.system_prompt_reference";
    public static final String ENCODED_PAYLOAD = "heuristic.encoded_payload";
    public static final String INVISIBLE_CHARACTERS = "heuristic.invisible_characters";
    public static final String KNOWN_ATTACK_SIMILARITY = "heuristic.known_attack_similarity";

    private static final String EXEMPLARS = "/dev/parapet/detect/heuristics/attack-exemplars.txt";

    /**
     * The thresholds at which each feature yields a finding.
     *
     * @param instructionDensity share of sentences that instruct the model, in (0, 1]
     * @param minInstructions    least number of instructing sentences
     * @param roleMarkers        least number of role markers
     * @param references         least number of references to the system prompt or context
     * @param encodedRatio       share of non-space characters in encoded runs, in (0, 1]
     * @param invisibleRatio     share of code points that are invisible format characters, in (0, 1]
     * @param similarity         estimated Jaccard similarity with an attack exemplar, in (0, 1]
     */
    public record Thresholds(double instructionDensity, int minInstructions, int roleMarkers, int references,
                             double encodedRatio, double invisibleRatio, double similarity) {
        /** The thresholds chosen on the even-id rows of the eval set (docs/detection-heuristics.md). */
        public static Thresholds defaults() {
            return new Thresholds(0.3, 2, 1, 1, 0.5, 0.02, 0.08);
        }
    }

    /** Messages shorter than this (eight word 3-shingles) are not compared with the exemplars. */
    static final int MIN_WORDS_FOR_SIMILARITY = 10;

    private final Thresholds thresholds;
    private final List<Exemplar> exemplars;

    record Exemplar(String id, long[] signature) {
    }

    HeuristicDetector(Thresholds thresholds, List<Exemplar> exemplars) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.exemplars = List.copyOf(exemplars);
    }

    /** The detector with {@link Thresholds#defaults()} and the shipped attack exemplars. */
    public static HeuristicDetector defaults() {
        return new HeuristicDetector(Thresholds.defaults(), loadExemplars());
    }

    /** The detector with other thresholds and the shipped attack exemplars. */
    public static HeuristicDetector withThresholds(Thresholds thresholds) {
        return new HeuristicDetector(thresholds, loadExemplars());
    }

    static List<Exemplar> loadExemplars() {
        try (InputStream in = HeuristicDetector.class.getResourceAsStream(EXEMPLARS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + EXEMPLARS);
            }
            List<Exemplar> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space < 0) {
                    throw new IllegalStateException(EXEMPLARS + ": expected '<id> <text>', got: " + line);
                }
                out.add(new Exemplar(line.substring(0, space), MinHash.signature(line.substring(space + 1))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (text.isEmpty()) {
            return;
        }
        Features f = features(text);
        Thresholds t = thresholds;
        if (f.instructions() >= t.minInstructions() && f.instructionDensity() >= t.instructionDensity()) {
            out.add(finding(INSTRUCTION_DENSITY, "HEUR-INSTRUCTION-DENSITY", Severity.LOW,
                    confidence(f.instructionDensity(), t.instructionDensity(), 1.0), messageIndex, 0, text.length()));
        }
        if (f.roleMarkers() >= t.roleMarkers()) {
            out.add(finding(ROLE_MARKER, "HEUR-ROLE-MARKER", Severity.MEDIUM,
                    confidence(f.roleMarkers(), t.roleMarkers(), t.roleMarkers() + 2), messageIndex,
                    f.roleStart(), f.roleEnd()));
        }
        if (f.references() >= t.references()) {
            out.add(finding(SYSTEM_PROMPT_REFERENCE, "HEUR-SYSTEM-PROMPT-REFERENCE", Severity.LOW,
                    confidence(f.references(), t.references(), t.references() + 2), messageIndex,
                    f.referenceStart(), f.referenceEnd()));
        }
        if (f.encodedRatio() >= t.encodedRatio()) {
            out.add(finding(ENCODED_PAYLOAD, "HEUR-ENCODED-PAYLOAD", Severity.LOW,
                    confidence(f.encodedRatio(), t.encodedRatio(), 1.0), messageIndex, f.encodedStart(), f.encodedEnd()));
        }
        if (f.invisibleRatio() >= t.invisibleRatio()) {
            out.add(finding(INVISIBLE_CHARACTERS, "HEUR-INVISIBLE-CHARACTERS", Severity.MEDIUM,
                    confidence(f.invisibleRatio(), t.invisibleRatio(), 0.2), messageIndex,
                    f.invisibleStart(), f.invisibleEnd()));
        }
        if (f.similarity() >= t.similarity()) {
            out.add(finding(KNOWN_ATTACK_SIMILARITY, "HEUR-SIM-" + f.nearestExemplar(), Severity.MEDIUM,
                    confidence(f.similarity(), t.similarity(), 0.5), messageIndex, 0, text.length()));
        }
    }

    private static Finding finding(String type, String ruleId, Severity severity, double confidence,
                                   int messageIndex, int start, int end) {
        return new Finding(type, FAMILY, ruleId, severity, confidence, messageIndex, start, end);
    }

    /** 0.5 at the threshold, rising linearly to 1.0 at {@code full}. */
    static double confidence(double value, double threshold, double full) {
        if (full <= threshold) {
            return 1.0;
        }
        double c = 0.5 + 0.5 * (value - threshold) / (full - threshold);
        return Math.round(Math.clamp(c, 0.5, 1.0) * 1000) / 1000.0;
    }

    /** All feature values of a text, whether or not they cross a threshold. */
    Features features(String text) {
        Words words = Words.of(text);
        Features.Builder b = new Features.Builder();
        TextFeatures.instructions(words, b);
        TextFeatures.roleMarkers(text, words, b);
        TextFeatures.references(words, b);
        TextFeatures.encoded(text, b);
        TextFeatures.invisible(text, b);
        // a short message has too few shingles for a 64-bin MinHash estimate to mean anything
        if (!exemplars.isEmpty() && words.count >= MIN_WORDS_FOR_SIMILARITY) {
            long[] sig = MinHash.signature(words);
            for (Exemplar e : exemplars) {
                double s = MinHash.similarity(sig, e.signature());
                if (s > b.similarity) {
                    b.similarity = s;
                    b.nearestExemplar = e.id();
                }
            }
        }
        return b.build();
    }
}
