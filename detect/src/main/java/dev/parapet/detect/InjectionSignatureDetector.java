package dev.parapet.detect;

import java.util.regex.Matcher;
import dev.parapet.core.Finding;

import java.util.List;
import java.util.Locale;

/**
 * Matches the prompt-injection signature pack over the normalised view of a message
 * ({@link TextNormalizer}) and reports each match with its span mapped back to the original
 * text, so that a signature split by zero-width characters or written in fullwidth letters is
 * found and located exactly. Every pattern's repetition is bounded, so a match attempt costs at
 * most a constant per position; a signature's keywords let it be skipped without running its
 * pattern on text that cannot match. (java.util.regex measured about twice as fast as RE2/J on
 * this pack; the single-pass multi-pattern scan replaces both in issue #3.)
 */
final class InjectionSignatureDetector implements Detector {

    private final List<InjectionSignature> signatures;

    InjectionSignatureDetector(List<InjectionSignature> signatures) {
        this.signatures = List.copyOf(signatures);
    }

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (text.isEmpty()) {
            return;
        }
        NormalizedText view = TextNormalizer.normalize(text);
        String lower = view.text().toLowerCase(Locale.ROOT).replace('\n', ' ');
        for (InjectionSignature sig : signatures) {
            if (!sig.mayMatch(lower)) {
                continue;
            }
            Matcher m = sig.pattern().matcher(view.text());
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                out.add(new Finding(sig.type(), InjectionSignature.FAMILY, sig.id(), sig.severity(), sig.confidence(),
                        messageIndex, view.mapStart(m.start()), view.mapEnd(m.end())));
            }
        }
    }
}
