package dev.parapet.detect.scan;

import com.gliwka.hyperscan.jni.hs_scratch_t;
import com.gliwka.hyperscan.jni.hyperscan;
import com.gliwka.hyperscan.jni.match_event_handler;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

import java.util.Arrays;

/**
 * One thread's tools for scanning a {@link HyperscanDatabase}: Hyperscan scratch space, a native
 * input buffer reused from scan to scan, and a match callback that appends {@code (id, from, to)}
 * to plain int arrays. A scan therefore allocates nothing per match and copies the text once
 * into native memory. Lent to one scan at a time by {@link ScannerPool}.
 */
final class HyperscanScanner implements AutoCloseable {

    /** Input buffers above this size are freed after the scan rather than kept for the next one. */
    private static final int KEEP_BUFFER_BYTES = 1 << 22;

    private final HyperscanDatabase database;
    private final hs_scratch_t scratch = new hs_scratch_t();
    private final Handler handler = new Handler();
    private BytePointer buffer;
    private long capacity;

    HyperscanScanner(HyperscanDatabase database) {
        this.database = database;
        int rc = hyperscan.hs_alloc_scratch(database.handle(), scratch);
        if (rc != 0) {
            handler.close();
            throw new IllegalStateException("Hyperscan could not allocate scratch space: error " + rc);
        }
    }

    /**
     * Scans the first {@code length} bytes of {@code bytes}; the matches are then in
     * {@link #ids()}, {@link #froms()} and {@link #tos()}, {@link #count()} of them.
     */
    void scan(byte[] bytes, int length) {
        if (buffer == null || capacity < length) {
            if (buffer != null) {
                buffer.close();
            }
            capacity = Math.max(length, 4096);
            buffer = new BytePointer(capacity);
        }
        buffer.position(0).put(bytes, 0, length);
        handler.count = 0;
        int rc = hyperscan.hs_scan(database.handle(), buffer, length, 0, scratch, handler, null);
        if (capacity > KEEP_BUFFER_BYTES) {
            buffer.close();
            buffer = null;
            capacity = 0;
        }
        if (rc != 0) {
            throw new IllegalStateException("Hyperscan scan failed: error " + rc);
        }
    }

    int count() {
        return handler.count;
    }

    int[] ids() {
        return handler.ids;
    }

    /** Start byte offsets; meaningful only for patterns compiled with leftmost start of match. */
    int[] froms() {
        return handler.froms;
    }

    /** End byte offsets (exclusive). */
    int[] tos() {
        return handler.tos;
    }

    @Override
    public void close() {
        hyperscan.hs_free_scratch(scratch);
        handler.close();
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
    }

    /** The callback Hyperscan calls per match, on the scanning thread. */
    private static final class Handler extends match_event_handler {
        int[] ids = new int[64];
        int[] froms = new int[64];
        int[] tos = new int[64];
        int count;

        @Override
        public int call(int id, long from, long to, int flags, Pointer context) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                froms = Arrays.copyOf(froms, count * 2);
                tos = Arrays.copyOf(tos, count * 2);
            }
            ids[count] = id;
            froms[count] = (int) from;
            tos[count] = (int) to;
            count++;
            return 0;
        }
    }
}
