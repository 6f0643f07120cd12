package dev.parapet.detect;

import dev.parapet.core.Finding;
import dev.parapet.detect.dlp.DlpDetector;
import dev.parapet.detect.scan.OnePassScanner;
import dev.parapet.detect.secrets.SecretDetector;

import java.util.List;

/**
 * The pattern families of the engine — injection signatures, DLP recognizers and secret rules —
 * run from one Hyperscan scan of a message: every signature, every recognizer's pre-check and
 * context word and every secret keyword is compiled into one database ({@link OnePassScanner}),
 * the message is normalised once ({@link TextNormalizer}) and scanned once, and each family
 * then works only where its patterns matched (confirming a gapped signature in a window around
 * its match, running a recognizer over the regions that can hold an entity, trying a secret rule
 * next to its keywords).
 *
 * <p>Findings are those the three detectors report on their own. Immutable and thread-safe.
 * Public so that benchmarks can time it apart from the rest of the engine.
 */
public final class OnePassDetector implements Detector, AutoCloseable {

    /** The index of the signature family in the scanner. */
    private static final int SIGNATURES = 0;

    private final OnePassScanner scanner;

    OnePassDetector(InjectionSignatureDetector signatures, DlpDetector dlp, SecretDetector secrets) {
        this.scanner = OnePassScanner.compile(List.of(signatures, dlp, secrets));
    }

    /**
     * The families shipped with Parapet, compiled once per process (compiling the database takes
     * seconds) and shared; its native memory lives as long as the process.
     */
    public static OnePassDetector defaults() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final OnePassDetector INSTANCE = new OnePassDetector(
                InjectionSignatureDetector.family(InjectionSignaturePack.defaults()), DlpDetector.defaults(),
                SecretDetector.defaults());
    }

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (!text.isEmpty()) {
            scanner.detect(messageIndex, TextNormalizer.normalize(text), out);
        }
    }

    /** The injection signatures alone, on the same database: for de-obfuscated views of a message. */
    public Detector signatures() {
        return (messageIndex, text, out) -> {
            if (!text.isEmpty()) {
                scanner.detect(messageIndex, TextNormalizer.normalize(text), SIGNATURES, out);
            }
        };
    }

    /** Frees the native database; only for instances that are not {@link #defaults()}. */
    @Override
    public void close() {
        scanner.close();
    }
}
