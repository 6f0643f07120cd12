package dev.parapet.control.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with the Flyway scripts under {@code db/migration}. */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** Applies pending migrations; returns how many ran. Safe to call on every start. */
    public static int migrate(DataSource dataSource) {
        int applied = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
        LOG.atInfo().addKeyValue("applied", applied).log("database schema up to date");
        return applied;
    }
}
