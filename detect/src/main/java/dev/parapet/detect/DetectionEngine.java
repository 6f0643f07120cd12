package dev.parapet.detect;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.detect.classifier.InjectionClassifier;
import dev.parapet.detect.dlp.DlpDetector;
import dev.parapet.detect.heuristics.HeuristicDetector;
import dev.parapet.detect.secrets.SecretDetector;
import dev.parapet.detect.normalize.Deobfuscator;
import dev.parapet.detect.normalize.ObfuscationDetector;
import dev.parapet.detect.normalize.TextView;
import dev.parapet.detect.risk.RiskModel;
import dev.parapet.detect.risk.RiskSignals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs every detector over every message of an interaction, and the injection detectors also
 * over each de-obfuscated view of a message ({@link Deobfuscator}: homoglyphs, leetspeak, split
 * letters, hidden tag characters, decoded base64/hex/URL/ROT13 payloads).
 *
 * <p>The built-in detectors ({@link #defaults()}) are the prompt-injection signature pack
 * ({@code injection.*}), the learned injection classifier ({@code injection.classifier}), the L2
 * heuristics ({@code heuristic.*}: instruction density, role markers, similarity to known
 * attacks, ...), the
 * disguises themselves ({@code obfuscation.*}), and the DLP recognizers with their validators
 * ({@code pii.*}, {@code pci.card_number}, {@code phi.*}; see {@link DlpDetector}) and the secret
 * rules ({@code secret.*}; see {@link SecretDetector}). Each
 * finding carries the index of its message and its span in that message's original content
 * (UTF-16 offsets), also when it was found in a view: a match inside a decoded payload points
 * at the encoded run. The same finding found twice (in the text and in a view) is reported once.
 *
 * <p>Instances are immutable and thread-safe; build one at start-up and share it. Scanning runs
 * in time linear in the total length of the messages; plain text has no views and costs one pass
 * per detector.
 */
public final class DetectionEngine {

    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::messageIndex)
            .thenComparingInt(Finding::start)
            .thenComparingInt(Finding::end)
            .thenComparing(Finding::type)
            .thenComparing(Finding::ruleId);

    private final List<Detector> detectors;
    private final List<Detector> viewDetectors;
    private final InjectionClassifier classifier;
    private final RiskModel risk;

    /**
     * @param detectors     run over each message's original text
     * @param viewDetectors run over each de-obfuscated view as well (the injection detectors)
     * @param classifier    the L3 classifier, run over the text and every view; null for none
     * @param risk          turns what the layers saw into the risk score
     */
    DetectionEngine(List<Detector> detectors, List<Detector> viewDetectors, InjectionClassifier classifier, RiskModel risk) {
        this.detectors = List.copyOf(detectors);
        this.viewDetectors = List.copyOf(viewDetectors);
        this.classifier = classifier;
        this.risk = Objects.requireNonNull(risk, "risk");
    }

    /** As {@link #DetectionEngine(List, List, InjectionClassifier, RiskModel)}, without a classifier, with the shipped risk model. */
    DetectionEngine(List<Detector> detectors, List<Detector> viewDetectors) {
        this(detectors, viewDetectors, null, RiskModel.shipped());
    }

    public static DetectionEngine defaults() {
        OnePassDetector patterns = OnePassDetector.defaults(); // signatures, DLP and secrets: one Hyperscan pass
        return new DetectionEngine(
                List.of(patterns, HeuristicDetector.defaults(), new ObfuscationDetector()),
                List.of(patterns.signatures()), InjectionClassifier.defaults(), RiskModel.shipped());
    }

    /** The risk model this engine scores with. */
    public RiskModel riskModel() {
        return risk;
    }

    /**
     * {@code result} with further findings added (e.g. behavioural anomalies found outside the
     * text), its signals and risk score recomputed over all of them.
     */
    public DetectionResult withFindings(DetectionResult result, List<Finding> more) {
        if (more.isEmpty()) {
            return result;
        }
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(more);
        RiskSignals signals = RiskSignals.of(all, result.signals().classifier());
        return new DetectionResult(all, signals, risk.score(signals));
    }

    /**
     * {@code result} as a tenant's {@link FindingOverrides} adjust it: dropped and re-rated
     * findings, signals and risk score recomputed (a disabled classifier also stops counting
     * towards the risk).
     */
    public DetectionResult withOverrides(DetectionResult result, FindingOverrides overrides) {
        if (overrides.isEmpty()) {
            return result;
        }
        List<Finding> kept = new ArrayList<>(result.findings().size());
        for (Finding f : result.findings()) {
            Finding adjusted = overrides.apply(f);
            if (adjusted != null) {
                kept.add(adjusted);
            }
        }
        double probability = overrides.disabledRules().contains(InjectionClassifier.RULE_ID)
                || overrides.ignoredTypes().contains(InjectionClassifier.TYPE) ? 0 : result.signals().classifier();
        RiskSignals signals = RiskSignals.of(kept, probability);
        return new DetectionResult(kept, signals, risk.score(signals));
    }

    public DetectionResult scan(List<ChatMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        List<Finding> findings = new ArrayList<>();
        double probability = 0;
        for (int i = 0; i < messages.size(); i++) {
            String text = messages.get(i).content();
            for (Detector detector : detectors) {
                detector.detect(i, text, findings);
            }
            if (classifier != null) {
                probability = Math.max(probability, classifier.detectAndScore(i, text, findings));
            }
            if (!viewDetectors.isEmpty() || classifier != null) {
                probability = Math.max(probability, scanViews(i, text, findings));
            }
        }
        if (findings.isEmpty() && classifier == null) {
            return DetectionResult.empty();
        }
        findings.sort(ORDER);
        List<Finding> unique = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (unique.isEmpty() || !sameEvidence(unique.getLast(), f)) {
                unique.add(f);
            }
        }
        RiskSignals signals = RiskSignals.of(unique, probability);
        return new DetectionResult(unique, signals, risk.score(signals));
    }

    /** Scans the views of a message; returns the classifier's highest probability over them. */
    private double scanViews(int messageIndex, String text, List<Finding> out) {
        List<Finding> inView = new ArrayList<>();
        double probability = 0;
        for (TextView view : Deobfuscator.views(text)) {
            inView.clear();
            for (Detector detector : viewDetectors) {
                detector.detect(messageIndex, view.text(), inView);
            }
            if (classifier != null) {
                probability = Math.max(probability, classifier.detectAndScore(messageIndex, view.text(), inView));
            }
            for (Finding f : inView) {
                out.add(new Finding(f.type(), f.family(), f.ruleId(), f.severity(), f.confidence(), messageIndex,
                        view.originalStart(f.start()), view.originalEnd(f.end())));
            }
        }
        return probability;
    }

    private static boolean sameEvidence(Finding a, Finding b) {
        return a.messageIndex() == b.messageIndex() && a.start() == b.start() && a.end() == b.end()
                && a.type().equals(b.type()) && a.ruleId().equals(b.ruleId());
    }
}
