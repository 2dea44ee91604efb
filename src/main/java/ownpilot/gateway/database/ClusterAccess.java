package ownpilot.gateway.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ownpilot.gateway.shared.DataDirectory;

/**
 * Who may connect to the embedded cluster. Every connection needs a password (SCRAM-SHA-256, for TCP
 * and the Unix socket alike); both passwords are generated once into owner-only files under
 * {@code <data dir>/credentials/}. The gateway itself connects as {@value #APP_ROLE}, a role without
 * superuser rights that owns the database {@value #APP_DATABASE}, so SQL that reaches it cannot read
 * server files or run programs. The superuser is used only here, at start.
 */
final class ClusterAccess {

    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "ownpilot";
    static final String APP_DATABASE = "ownpilot";
    static final String HBA = """
            # Written by the OwnPilot gateway: every connection needs a password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(ClusterAccess.class);

    private final String superuserPassword;
    private final String appPassword;

    ClusterAccess(DataDirectory dataDirectory) {
        this.superuserPassword = dataDirectory.secret("postgres-superuser.password", ClusterAccess::generate);
        this.appPassword = dataDirectory.secret("postgres-ownpilot.password", ClusterAccess::generate);
    }

    String superuserPassword() {
        return superuserPassword;
    }

    String appPassword() {
        return appPassword;
    }

    /** The superuser's password as a file for {@code initdb --pwfile} (deleted once the cluster exists). */
    Path passwordFile(Path dir) {
        try {
            Path file = Files.createTempFile(dir, "pw", ".tmp");
            Files.writeString(file, superuserPassword);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cluster made before passwords were required still trusts local connections. */
    static boolean trustsConnections(Path pgData) {
        try {
            return Files.readAllLines(pgData.resolve("pg_hba.conf")).stream().map(String::strip)
                    .filter(line -> !line.startsWith("#")).anyMatch(line -> line.matches(".*\\btrust\\b.*"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Brings the running cluster to the rules above: the superuser's password, the application role
     * and its database (moving an older install's tables out of {@code postgres} into it), then the
     * password-only {@code pg_hba.conf}, reloaded.
     */
    void secure(int port, Path pgData) {
        // template1, not postgres: copying postgres as a template needs nobody connected to it
        try (Connection admin = connect(port, "template1")) {
            boolean wasTrusting = trustsConnections(pgData);
            execute(admin, "ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(admin, superuserPassword));
            ensureAppRole(admin);
            new LegacyDatabaseMove(port, this).ensureAppDatabase(admin);
            if (wasTrusting) {
                Files.writeString(pgData.resolve("pg_hba.conf"), HBA);
                execute(admin, "SELECT pg_reload_conf()");
                log.info("Embedded PostgreSQL now requires passwords (SCRAM); they are in the data directory's credentials/");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not secure the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void ensureAppRole(Connection admin) throws SQLException {
        boolean exists = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", APP_ROLE);
        String password = literal(admin, appPassword);
        execute(admin, exists
                ? "ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD " + password
                : "CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD " + password);
    }

    Connection connect(int port, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", superuserPassword);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    /** Whether {@code sql}, with {@code value} as its one parameter, finds a row. */
    static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setString(1, value);
            return q.executeQuery().next();
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A string literal quoted by the server's own rules (passwords are hex, but never trust that). */
    private static String literal(Connection connection, String value) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT quote_literal(?)")) {
            q.setString(1, value);
            var rs = q.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    private static String generate() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
