package dev.parapet.control.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The pooled connection (HikariCP) to the control plane's database, and the embedded server
 * behind it when there is one. Closing it closes the pool, then stops the embedded server.
 *
 * <pre>{@code
 * try (ControlDatabase db = ControlDatabase.open(config.database());
 *      ControlPlane plane = ControlPlane.start(config, db.dataSource())) { ... }
 * }</pre>
 */
public final class ControlDatabase implements AutoCloseable {
    private static final int POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final EmbeddedDatabase embedded;

    private ControlDatabase(HikariDataSource pool, EmbeddedDatabase embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** Starts the embedded server if the settings ask for one, and opens the pool. */
    public static ControlDatabase open(DatabaseSettings settings) {
        return switch (settings) {
            case DatabaseSettings.Embedded e -> {
                EmbeddedDatabase db = EmbeddedDatabase.start(e.dataDir());
                try {
                    yield new ControlDatabase(pool(db.jdbcUrl(), EmbeddedDatabase.USER, null), db);
                } catch (RuntimeException ex) {
                    db.close();
                    throw ex;
                }
            }
            case DatabaseSettings.External x -> new ControlDatabase(pool(x.jdbcUrl(), x.user(), x.password()), null);
        };
    }

    /** A pool over any PostgreSQL JDBC URL. */
    static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("parapet-control");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL the pool connects to. */
    public String jdbcUrl() {
        return pool.getJdbcUrl();
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
