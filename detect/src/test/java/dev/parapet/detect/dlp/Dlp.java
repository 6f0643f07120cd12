package dev.parapet.detect.dlp;

import dev.parapet.core.Finding;

import java.util.ArrayList;
import java.util.List;

/** Test helper: runs the default detector and shows findings as the text they cover. */
final class Dlp {

    static final DlpDetector DETECTOR = DlpDetector.defaults();

    private Dlp() {
    }

    static List<Finding> scan(String text) {
        List<Finding> out = new ArrayList<>();
        DETECTOR.detect(0, text, out);
        return out;
    }

    /** The covered text of every finding of {@code type}. */
    static List<String> found(String type, String text) {
        return scan(text).stream().filter(f -> f.type().equals(type))
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    /** The confidence of the single finding of {@code type}. */
    static double confidence(String type, String text) {
        List<Finding> of = scan(text).stream().filter(f -> f.type().equals(type)).toList();
        if (of.size() != 1) {
            throw new AssertionError("expected one " + type + " in '" + text + "' but got " + of);
        }
        return of.getFirst().confidence();
    }
}
