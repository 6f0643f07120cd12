package dev.parapet.detect.scan;

import com.gliwka.hyperscan.jni.hs_compile_error_t;
import com.gliwka.hyperscan.jni.hs_database_t;
import com.gliwka.hyperscan.jni.hyperscan;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A compiled Hyperscan block-mode database, driven through the JNI binding directly (not the
 * {@code com.gliwka.hyperscan.wrapper} classes, which copy every match into a list of objects
 * and a substring). Pattern {@code i} of the compile list is registered under id {@code i}.
 * Not thread-safe to close while a scan runs; {@link PatternDatabase} guarantees that.
 */
final class HyperscanDatabase implements AutoCloseable {

    /** A pattern Hyperscan rejected: its index in the compile list and Hyperscan's message. */
    static final class CompileFailure extends Exception {
        final int index;

        CompileFailure(int index, String message) {
            super(message);
            this.index = index;
        }
    }

    private hs_database_t handle;

    private HyperscanDatabase(hs_database_t handle) {
        this.handle = handle;
    }

    /**
     * Compiles {@code expressions[i]} with {@code flags[i]} (Hyperscan {@code HS_FLAG_*} bits).
     *
     * @throws CompileFailure naming the first expression Hyperscan rejects (index -1 when it names none)
     */
    static HyperscanDatabase compile(List<String> expressions, int[] flags) throws CompileFailure {
        int n = expressions.size();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        BytePointer[] strings = new BytePointer[n];
        try (PointerPointer<BytePointer> exprs = new PointerPointer<>(n);
             IntPointer flagPointer = new IntPointer(flags);
             IntPointer idPointer = new IntPointer(ids);
             PointerPointer<hs_database_t> database = new PointerPointer<>(1);
             PointerPointer<hs_compile_error_t> error = new PointerPointer<>(1)) {
            for (int i = 0; i < n; i++) {
                strings[i] = new BytePointer(expressions.get(i), StandardCharsets.UTF_8);
                exprs.put(i, strings[i]);
            }
            int rc = hyperscan.hs_compile_multi(exprs, flagPointer, idPointer, n, hyperscan.HS_MODE_BLOCK, null,
                    database, error);
            if (rc != 0) {
                hs_compile_error_t e = error.get(hs_compile_error_t.class);
                String message = e == null || e.isNull() ? "error " + rc : e.message().getString();
                int index = e == null || e.isNull() ? -1 : e.expression();
                if (e != null && !e.isNull()) {
                    hyperscan.hs_free_compile_error(e);
                }
                throw new CompileFailure(index, message);
            }
            return new HyperscanDatabase(database.get(hs_database_t.class));
        } finally {
            for (BytePointer s : strings) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    hs_database_t handle() {
        if (handle == null) {
            throw new IllegalStateException("pattern database is closed");
        }
        return handle;
    }

    @Override
    public void close() {
        if (handle != null) {
            hyperscan.hs_free_database(handle);
            handle = null;
        }
    }
}
