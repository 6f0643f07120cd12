package dev.parapet.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.EventJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSpoolTest {
    @TempDir
    Path dir;

    static DecisionEvent event(String id) {
        return new DecisionEvent(1, id, "d-" + id, Instant.parse("2026-11-22T00:00:00Z"), "t", "p", "service", "gw",
                "openai", "chat.completions", "m", false, "allow", List.of(), List.of(), null, 0, 200, null, 10, 5, 1,
                "sha256:x", "1", false, List.of(), null);
    }

    @Test
    void sealedSegmentsHoldEveryEventInOrder() throws Exception {
        try (EventSpool spool = new EventSpool(dir)) {
            spool.accept(event("a"));
            spool.accept(event("b"));
            spool.seal();
            spool.accept(event("c"));

            List<Path> sealed = spool.sealedSegments();
            assertThat(sealed).hasSize(1);
            assertThat(spool.read(sealed.getFirst())).extracting(l -> EventJson.readEvent(l).eventId()).containsExactly("a", "b");
            assertThat(spool.pending()).isEqualTo(3);
        }
    }

    @Test
    void eventsSurviveARestartAndAreCountedAsPending() throws Exception {
        try (EventSpool spool = new EventSpool(dir)) {
            spool.accept(event("a"));
        }
        try (EventSpool reopened = new EventSpool(dir)) {
            assertThat(reopened.pending()).isEqualTo(1);
            reopened.accept(event("b"));
            reopened.seal();
            List<Path> sealed = reopened.sealedSegments();
            assertThat(sealed).hasSize(2);
            reopened.delete(sealed.getFirst(), 1);
            assertThat(reopened.pending()).isEqualTo(1);
        }
    }

    @Test
    void aLineCutShortByACrashIsSetAsideOnceAndTheRestIsShipped() throws Exception {
        try (EventSpool spool = new EventSpool(dir)) {
            spool.accept(event("a"));
            spool.seal();
        }
        Path segment;
        try (var files = java.nio.file.Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        java.nio.file.Files.writeString(segment, "{\"schema_version\":1,\"event_id\":\"cut", 
                java.nio.file.StandardOpenOption.APPEND);

        try (EventSpool spool = new EventSpool(dir)) {
            assertThat(spool.read(segment)).extracting(l -> EventJson.readEvent(l).eventId()).containsExactly("a");
            assertThat(spool.read(segment)).hasSize(1);
            assertThat(spool.pending()).isEqualTo(1);
            assertThat(dir.resolve("rejected").resolve(segment.getFileName() + ".corrupt")).content().contains("\"cut");
        }
    }

    @Test
    void aFailedWriteMarksTheSpoolUnwritableUntilAWriteSucceeds() throws Exception {
        Path spoolDir = dir.resolve("spool");
        try (EventSpool spool = new EventSpool(spoolDir)) {
            spool.accept(event("a"));
            spool.seal();
            java.nio.file.Files.move(spoolDir, dir.resolve("moved"));
            java.nio.file.Files.writeString(spoolDir, "not a directory");

            assertThatThrownBy(() -> spool.accept(event("b"))).isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(spool.writable()).isFalse();

            java.nio.file.Files.delete(spoolDir);
            java.nio.file.Files.createDirectories(spoolDir);
            spool.accept(event("c"));
            assertThat(spool.writable()).isTrue();
        }
    }
}
