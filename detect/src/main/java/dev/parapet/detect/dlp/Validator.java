package dev.parapet.detect.dlp;

import java.util.function.Predicate;

/**
 * Decides whether a candidate string is really the entity, and how sure that makes us before
 * context words are considered.
 */
@FunctionalInterface
interface Validator {

    /** Confidence in (0, 1] that {@code value} is the entity, or 0 to reject it. */
    double assess(String value);

    /** A validator that accepts what {@code check} accepts, at {@code confidence}. */
    static Validator when(Predicate<String> check, double confidence) {
        return value -> check.test(value) ? confidence : 0;
    }

    /** A validator that accepts every candidate of the pattern at {@code confidence}. */
    static Validator always(double confidence) {
        return value -> confidence;
    }
}
