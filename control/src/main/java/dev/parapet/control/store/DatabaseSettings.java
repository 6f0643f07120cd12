package dev.parapet.control.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the control plane's PostgreSQL runs: in-process (embedded) or an external server. */
public sealed interface DatabaseSettings {

    /**
     * PostgreSQL started in-process by {@link EmbeddedDatabase}; its files persist in
     * {@code dataDir/postgres}, so a restart on the same directory keeps all data.
     */
    record Embedded(Path dataDir) implements DatabaseSettings {
        public Embedded {
            Objects.requireNonNull(dataDir, "dataDir");
        }
    }

    /** An existing PostgreSQL server. {@link #toString()} hides the password. */
    record External(String jdbcUrl, String user, String password) implements DatabaseSettings {
        public External {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("expected a jdbc:postgresql: URL, got '" + jdbcUrl + "'");
            }
        }

        @Override
        public String toString() {
            return "External[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "null" : "***") + "]";
        }
    }
}
