package dev.parapet.detect.scan;

/**
 * The text a {@link OnePassScanner} scans, and how its offsets lead back to the original text a
 * detector reports spans in. Either the original itself ({@link #of(String)}) or a derived view
 * of it, such as the normalised text the injection signatures match against.
 */
public interface ScannedView {

    /** The text the detector was asked about; findings' spans are offsets into it. */
    String original();

    /** The text that is scanned. */
    String text();

    /** The start in {@link #original()} of the span of {@link #text()} starting at {@code start}. */
    int originalStart(int start);

    /** The end in {@link #original()} of the non-empty span of {@link #text()} ending at {@code end}. */
    int originalEnd(int end);

    /** The view of a text that is scanned as it is. */
    static ScannedView of(String text) {
        return new ScannedView() {
            @Override
            public String original() {
                return text;
            }

            @Override
            public String text() {
                return text;
            }

            @Override
            public int originalStart(int start) {
                return start;
            }

            @Override
            public int originalEnd(int end) {
                return end;
            }
        };
    }
}
