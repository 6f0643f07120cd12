package dev.parapet.detect;

import dev.parapet.core.Finding;
import dev.parapet.detect.scan.Matches;
import dev.parapet.detect.scan.OnePassScanner;
import dev.parapet.detect.scan.PatternFamily;
import dev.parapet.detect.scan.ScanPattern;
import dev.parapet.detect.scan.ScannedView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches the prompt-injection signature pack over the normalised view of a message
 * ({@link TextNormalizer}) in one Hyperscan pass and reports each match with its span mapped
 * back to the original text, so that a signature split by zero-width characters or written in
 * fullwidth letters is found and located exactly. Overlapping matches of one finding type are
 * merged into one finding (see {@link Hit}).
 *
 * <p>A {@link PatternFamily}: in the engine its patterns share one database with the other
 * families ({@link OnePassDetector}, which builds it with {@link #family}). Built with the
 * constructor, for use on its own, it compiles a database of its own, which holds native memory
 * until {@link #close()}.
 */
final class InjectionSignatureDetector implements Detector, PatternFamily, AutoCloseable {

    private final List<InjectionSignature> signatures;
    private final List<ScanPattern> patterns;
    private volatile OnePassScanner standalone;

    /**
     * A detector for use on its own, with its database compiled now.
     *
     * @throws IllegalArgumentException naming the signature, when a pattern does not compile
     */
    InjectionSignatureDetector(InjectionSignaturePack pack) {
        this(pack, true);
    }

    private InjectionSignatureDetector(InjectionSignaturePack pack, boolean compileOwnDatabase) {
        this.signatures = pack.signatures();
        this.patterns = signatures.stream().map(InjectionSignature::scanPattern).toList();
        if (compileOwnDatabase) {
            this.standalone = OnePassScanner.compile(List.of(this));
        }
    }

    /** The pack as a family of a shared scan, without a database of its own (compiled only if used on its own). */
    static InjectionSignatureDetector family(InjectionSignaturePack pack) {
        return new InjectionSignatureDetector(pack, false);
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
    public List<ScanPattern> patterns() {
        return patterns;
    }

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (text.isEmpty()) {
            return;
        }
        standalone().detect(messageIndex, TextNormalizer.normalize(text), out);
    }

    private OnePassScanner standalone() {
        OnePassScanner scanner = standalone;
        if (scanner == null) {
            synchronized (this) {
                scanner = standalone;
                if (scanner == null) {
                    scanner = standalone = OnePassScanner.compile(List.of(this));
                }
            }
        }
        return scanner;
    }

    /** Reports the signatures' matches in {@code view}, the normalised text, with spans in the original. */
    @Override
    public void detect(int messageIndex, ScannedView view, Matches matches, List<Finding> out) {
        if (matches.size() == 0) {
            return;
        }
        List<Hit> hits = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            int pattern = matches.pattern(i);
            hits.add(new Hit(signatures.get(pattern), pattern, matches.start(i), matches.end(i)));
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

        Finding finding(int messageIndex, ScannedView view) {
            return new Finding(signature.type(), InjectionSignature.FAMILY, signature.id(), signature.severity(),
                    signature.confidence(), messageIndex, view.originalStart(start), view.originalEnd(end));
        }
    }

    @Override
    public synchronized void close() {
        if (standalone != null) {
            standalone.close();
            standalone = null;
        }
    }
}
