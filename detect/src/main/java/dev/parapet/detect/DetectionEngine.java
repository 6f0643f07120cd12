package dev.parapet.detect;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs every detector over every message of an interaction.
 *
 * <p>The built-in detectors ({@link #defaults()}) are the prompt-injection signature pack
 * ({@code injection.*}), e-mail addresses ({@code pii.email}) and Luhn-valid payment card
 * numbers ({@code pci.card_number}). Each finding carries the index of its message and its span
 * in that message's original content (UTF-16 offsets), even when the detector matched a
 * normalised view of the text.
 *
 * <p>Instances are immutable and thread-safe; build one at start-up and share it. Scanning runs
 * in time linear in the total length of the messages.
 */
public final class DetectionEngine {

    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::messageIndex)
            .thenComparingInt(Finding::start)
            .thenComparingInt(Finding::end)
            .thenComparing(Finding::type)
            .thenComparing(Finding::ruleId);

    private final List<Detector> detectors;

    DetectionEngine(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** An engine with the built-in detectors and signature pack. */
    public static DetectionEngine defaults() {
        return new DetectionEngine(List.of(
                new InjectionSignatureDetector(InjectionSignaturePack.defaults()),
                new EmailDetector(),
                new CardNumberDetector()));
    }

    /**
     * Scans the content of every message.
     *
     * @param messages the conversation, in order; message {@code i} yields findings with
     *                 {@code messageIndex == i}
     * @return the findings, ordered by message, then position, and their risk score
     */
    public DetectionResult scan(List<ChatMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String text = messages.get(i).content();
            for (Detector detector : detectors) {
                detector.detect(i, text, findings);
            }
        }
        if (findings.isEmpty()) {
            return DetectionResult.empty();
        }
        findings.sort(ORDER);
        return new DetectionResult(findings, RiskScore.of(findings));
    }
}
