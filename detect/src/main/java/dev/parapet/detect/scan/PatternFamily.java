package dev.parapet.detect.scan;

import dev.parapet.core.Finding;

import java.util.List;

/**
 * A detector whose work starts from the matches of regular expressions — the injection
 * signatures, the DLP recognizers' pre-checks, the secret rules' keywords — so that it can share
 * one Hyperscan scan with the other families ({@link OnePassScanner}).
 */
public interface PatternFamily {

    /**
     * The patterns to scan for; a match is given back under the pattern's index in this list.
     * Ids must not clash with other families' (prefix them with the family's rule ids).
     */
    List<ScanPattern> patterns();

    /**
     * Appends this family's findings, given the matches of its patterns in {@code view}.
     *
     * @param messageIndex the index of the message, copied into each finding
     * @param view         the scanned text and the way back to the original, in which spans are reported
     * @param matches      the matches of {@link #patterns()}, indexed as in that list
     * @param out          where findings are appended
     */
    void detect(int messageIndex, ScannedView view, Matches matches, List<Finding> out);
}
