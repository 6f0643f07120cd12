package dev.parapet.control;

import dev.parapet.control.store.ControlDatabase;
import dev.parapet.control.store.DatabaseSettings;
import dev.parapet.control.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL shared by the test classes of this JVM (starting one takes seconds),
 * in a temporary directory removed at exit. Tests isolate themselves by using fresh tenants.
 */
public final class TestDatabase {
    private static EmbeddedDatabase shared;

    private TestDatabase() {
    }

    /** A new pool on the shared server, opened through the external-database path. */
    public static synchronized ControlDatabase openPool() {
        if (shared == null) {
            Path dir = tempDir("parapet-control-test");
            shared = EmbeddedDatabase.start(dir);
            EmbeddedDatabase db = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.close();
                deleteRecursively(dir);
            }));
        }
        return ControlDatabase.open(new DatabaseSettings.External(shared.jdbcUrl(), EmbeddedDatabase.USER, null));
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
