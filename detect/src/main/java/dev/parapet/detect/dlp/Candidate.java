package dev.parapet.detect.dlp;

/**
 * A validated match before overlaps between recognizers are resolved.
 *
 * @param recognizer who found it
 * @param start      start offset in the original text
 * @param end        end offset (exclusive)
 * @param confidence confidence after context
 */
record Candidate(Recognizer recognizer, int start, int end, double confidence) {

    boolean overlaps(Candidate other) {
        return start < other.end && other.start < end;
    }
}
