package dev.parapet.detect.eval;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An evaluation file that cannot be used: unreadable, empty, or with a row that is not valid.
 * The message names the file and, for a row, its line number (counting from 1), and says what
 * was expected.
 */
public final class EvalDataException extends Exception {

    /** Why a file was refused; stable, for callers that branch on it. */
    public enum Code {
        /** The file does not exist, cannot be read, or is not UTF-8. */
        UNREADABLE,
        /** The file has no rows. */
        EMPTY,
        /** A line is not one JSON object. */
        MALFORMED_JSON,
        /** A row lacks a field its file kind requires. */
        MISSING_FIELD,
        /** A field has the wrong type or an impossible value. */
        BAD_VALUE,
        /** The first row says neither injection ({@code label}) nor PII ({@code spans}). */
        UNKNOWN_KIND
    }

    private final Code code;
    private final Path file;
    private final int line;

    EvalDataException(Code code, Path file, int line, String detail) {
        super(file + (line > 0 ? " line " + line : "") + ": " + detail);
        this.code = Objects.requireNonNull(code, "code");
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
    }

    /** Why the file was refused. */
    public Code code() {
        return code;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The line of the offending row, counting from 1, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }
}
