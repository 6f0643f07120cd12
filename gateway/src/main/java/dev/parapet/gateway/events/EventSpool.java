package dev.parapet.gateway.events;

import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, append-only spool of events on local disk: one JSON event per line, in numbered
 * segment files. Every {@link #accept} writes the event to the open segment before returning, so
 * an event survives the control plane being away and the gateway restarting.
 *
 * <p>The shipper {@link #seal seals} the open segment, delivers sealed segments oldest first and
 * {@link #delete deletes} each once the control plane has acknowledged all of it. Thread-safe.
 */
public final class EventSpool implements EventSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventSpool.class);
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean writable = true;
    private final AtomicLong failedWrites = new AtomicLong();
    private long nextSegment;
    private FileChannel open;
    private Path openPath;

    public EventSpool(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        long max = 0;
        for (Path p : segments()) {
            max = Math.max(max, sequenceOf(p));
            pending.addAndGet(countLines(p));
        }
        this.nextSegment = max + 1;
    }

    /** Appends one event; throws {@link UncheckedIOException} when the disk refuses it. */
    @Override
    public void accept(DecisionEvent event) {
        byte[] json = EventJson.writeBytes(event);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        synchronized (this) {
            try {
                if (open == null) {
                    openPath = dir.resolve(PREFIX + "%020d".formatted(nextSegment++) + SUFFIX);
                    open = FileChannel.open(openPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                }
                while (line.hasRemaining()) {
                    open.write(line);
                }
                writable = true;
            } catch (IOException e) {
                writable = false;
                failedWrites.incrementAndGet();
                closeQuietly();
                throw new UncheckedIOException("event spool write failed in " + dir, e);
            }
        }
        pending.incrementAndGet();
    }

    /** Events that could not be written since start; each was logged as an error. */
    public long failedWrites() {
        return failedWrites.get();
    }

    /** Whether the last write succeeded; while false the gateway refuses traffic it could not record. */
    public boolean writable() {
        return writable;
    }

    private void closeQuietly() {
        try {
            if (open != null) {
                open.close();
            }
        } catch (IOException ignored) {
            // the segment is abandoned; what was written before stays readable
        }
        open = null;
        openPath = null;
    }

    /** Closes the open segment so it can be shipped; later events go to a new one. */
    public synchronized void seal() throws IOException {
        if (open != null) {
            open.force(false);
            open.close();
            open = null;
            openPath = null;
        }
    }

    /** Sealed segments, oldest first. */
    public synchronized List<Path> sealedSegments() throws IOException {
        List<Path> sealed = new ArrayList<>();
        for (Path p : segments()) {
            if (!p.equals(openPath)) {
                sealed.add(p);
            }
        }
        return sealed;
    }

    /**
     * Reads a sealed segment's events as JSON lines. A line that is not a valid event (cut short
     * by a crash mid-write) is set aside in {@code rejected/<segment>.corrupt} rather than sent or
     * silently dropped.
     */
    public List<String> read(Path segment) throws IOException {
        List<String> valid = new ArrayList<>();
        List<String> corrupt = new ArrayList<>();
        for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                EventJson.readEvent(line);
                valid.add(line);
            } catch (IOException | RuntimeException e) {
                corrupt.add(line);
            }
        }
        if (!corrupt.isEmpty()) {
            Path rejected = Files.createDirectories(dir.resolve("rejected"));
            Files.write(rejected.resolve(segment.getFileName() + ".corrupt"), corrupt, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Path cleaned = segment.resolveSibling(segment.getFileName() + ".tmp");
            Files.write(cleaned, valid, StandardCharsets.UTF_8);
            Files.move(cleaned, segment, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            pending.addAndGet(-corrupt.size());
            LOG.error("event spool segment {} had {} unreadable lines; kept in rejected/", segment.getFileName(),
                    corrupt.size());
        }
        return valid;
    }

    /** Removes a delivered segment. */
    public void delete(Path segment, int events) throws IOException {
        Files.deleteIfExists(segment);
        pending.addAndGet(-events);
    }

    /** Moves a segment the control plane refused as invalid aside, for an operator to inspect. */
    public void quarantine(Path segment, int events) throws IOException {
        Path rejected = Files.createDirectories(dir.resolve("rejected"));
        Files.move(segment, rejected.resolve(segment.getFileName()));
        pending.addAndGet(-events);
    }

    /** Events written and not yet delivered. */
    public long pending() {
        return pending.get();
    }

    @Override
    public void close() throws IOException {
        seal();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private static long sequenceOf(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    private static long countLines(Path p) throws IOException {
        try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }
}
