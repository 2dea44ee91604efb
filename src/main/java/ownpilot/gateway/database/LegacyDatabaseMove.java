package ownpilot.gateway.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the application database. Gateways before 0.2 kept their tables in the superuser's
 * {@code postgres} database; such a cluster's data is copied into the new database in one
 * {@code CREATE DATABASE … TEMPLATE postgres} (atomic: it exists whole or not at all), handed to the
 * application role, and only then removed from {@code postgres}.
 */
final class LegacyDatabaseMove {

    private static final Logger log = LoggerFactory.getLogger(LegacyDatabaseMove.class);

    private final int port;
    private final ClusterAccess access;

    LegacyDatabaseMove(int port, ClusterAccess access) {
        this.port = port;
        this.access = access;
    }

    void ensureAppDatabase(Connection admin) throws SQLException {
        String db = ClusterAccess.APP_DATABASE;
        String role = ClusterAccess.APP_ROLE;
        if (ClusterAccess.exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", db)) {
            return;
        }
        boolean legacy;
        try (Connection old = access.connect(port, "postgres")) {
            legacy = ClusterAccess.exists(old,
                    "SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = ?", "flyway_schema_history");
        }
        if (legacy) {
            log.warn("Moving the gateway's tables from the database 'postgres' into '{}', owned by role '{}'", db, role);
        }
        ClusterAccess.execute(admin, "CREATE DATABASE " + db + " OWNER " + role
                + (legacy ? " TEMPLATE postgres" : " ENCODING 'UTF8' TEMPLATE template0"));
        try (Connection app = access.connect(port, db)) {
            ClusterAccess.execute(app, "ALTER SCHEMA public OWNER TO " + role);
            if (legacy) {
                ClusterAccess.execute(app, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') LOOP
                            EXECUTE format('ALTER TABLE public.%%I OWNER TO %s', r.relname);
                          END LOOP;
                        END $$""".formatted(role));
            }
        }
        if (legacy) {
            try (Connection old = access.connect(port, "postgres")) {
                ClusterAccess.execute(old, "DROP SCHEMA public CASCADE");
                ClusterAccess.execute(old, "CREATE SCHEMA public");
            }
        }
    }
}
