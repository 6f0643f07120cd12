package dev.parapet.detect;

import dev.parapet.core.Finding;
import dev.parapet.detect.scan.PatternDatabase;
import dev.parapet.detect.scan.ScanPattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches the prompt-injection signature pack over the normalised view of a message
 * ({@link TextNormalizer}) in one Hyperscan pass ({@link PatternDatabase}) and reports each
 * match with its span mapped back to the original text, so that a signature split by zero-width
 * characters or written in fullwidth letters is found and located exactly. Overlapping matches
 * of one finding type are merged into one finding (see {@link Hit}).
 *
 * <p>Holds native memory: {@link #close()} it when the engine that owns it is discarded.
 */
final class InjectionSignatureDetector implements Detector, AutoCloseable {

    private final List<InjectionSignature> signatures;
    private final PatternDatabase database;

    InjectionSignatureDetector(InjectionSignaturePack pack) {
        this.signatures = pack.signatures();
        this.database = PatternDatabase.compile(signatures.stream().map(InjectionSignature::scanPattern).toList());
    }

    /**
     * The detector for the pack shipped with Parapet, compiled once per process (compiling the
     * Hyperscan database takes seconds) and shared: it is immutable and thread-safe, and its native
     * memory lives as long as the process.
     */
    static InjectionSignatureDetector defaults() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final InjectionSignatureDetector INSTANCE = new InjectionSignatureDetector(InjectionSignaturePack.defaults());
    }

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (text.isEmpty()) {
            return;
        }
        NormalizedText view = TextNormalizer.normalize(text);
        List<Hit> hits = new ArrayList<>();
        database.scan(view.text(), (pattern, start, end) -> hits.add(new Hit(signatures.get(pattern), pattern, start, end)));
        if (hits.isEmpty()) {
            return;
        }
        hits.sort(Comparator.comparing((Hit h) -> h.signature().type()).thenComparingInt(Hit::start));
        Hit open = null;
        for (Hit hit : hits) {
            if (open != null && open.signature().type().equals(hit.signature().type()) && hit.start() < open.end()) {
                open = open.mergedWith(hit);
                continue;
            }
            if (open != null) {
                out.add(open.finding(messageIndex, view));
            }
            open = hit;
        }
        out.add(open.finding(messageIndex, view));
    }

    /**
     * A match of one signature in the normalised text. Overlapping matches of one finding type
     * merge into one finding over their union, named for the strongest signature (severity, then
     * confidence, then pack order), so a phrase that several signatures of a family catch is
     * reported once.
     */
    private record Hit(InjectionSignature signature, int order, int start, int end) {

        Hit mergedWith(Hit other) {
            Hit strongest = stronger(other) ? other : this;
            return new Hit(strongest.signature, strongest.order, Math.min(start, other.start), Math.max(end, other.end));
        }

        private boolean stronger(Hit other) {
            int bySeverity = other.signature.severity().compareTo(signature.severity());
            if (bySeverity != 0) {
                return bySeverity > 0;
            }
            int byConfidence = Double.compare(other.signature.confidence(), signature.confidence());
            return byConfidence != 0 ? byConfidence > 0 : other.order < order;
        }

        Finding finding(int messageIndex, NormalizedText view) {
            return new Finding(signature.type(), InjectionSignature.FAMILY, signature.id(), signature.severity(),
                    signature.confidence(), messageIndex, view.mapStart(start), view.mapEnd(end));
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
