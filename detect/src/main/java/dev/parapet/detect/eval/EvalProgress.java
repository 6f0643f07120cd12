package dev.parapet.detect.eval;

/** Told after each text is scanned, so that a long run can show how far it has got. */
@FunctionalInterface
public interface EvalProgress {

    /** Reports nothing. */
    EvalProgress NONE = (done, total) -> { };

    /**
     * Called after each counted scan (not during warm-up).
     *
     * @param done  texts scanned so far, from 1 to {@code total}
     * @param total texts in the file
     */
    void scanned(int done, int total);
}
