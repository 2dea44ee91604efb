package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import ownpilot.gateway.shared.DataDirectory;

/**
 * The gateway's own PostgreSQL (zonky's embedded binaries), keeping the cluster under
 * {@code <data dir>/postgres} so data survives restarts. Unlike the library's test defaults it is as
 * durable as any PostgreSQL ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on),
 * asks every connection for a password ({@link ClusterAccess}), takes over from a gateway that died
 * ({@link OrphanedPostmaster}) and refuses to share its data directory with a live one
 * ({@link DataDirectoryLock}). {@link #NONE} stands for it when {@code ownpilot.database.url} is set.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null, null);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DataDirectoryLock lock;
    private final ClusterAccess access;
    private final EmbeddedPostgres postgres;
    private boolean closed;

    private EmbeddedDatabase(DataDirectoryLock lock, ClusterAccess access, EmbeddedPostgres postgres) {
        this.lock = lock;
        this.access = access;
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(DataDirectory dataDirectory, DatabaseProperties settings) {
        DatabaseProperties.Embedded sizing = settings.embedded();
        sizing.checkRoomFor(settings.poolSize());
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory.root());
        try {
            ClusterAccess access = new ClusterAccess(dataDirectory);
            return new EmbeddedDatabase(lock, access, startServer(dataDirectory, access, sizing));
        } catch (RuntimeException | Error e) {
            release(lock);
            throw e;
        }
    }

    private static EmbeddedPostgres startServer(DataDirectory dataDirectory, ClusterAccess access,
            DatabaseProperties.Embedded sizing) {
        Path pgData = dataDirectory.subdirectory("postgres", true);
        OrphanedPostmaster.stopIfRunning(pgData);
        Path pwfile = access.passwordFile(dataDirectory.subdirectory("credentials", true));
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // stopped by the context, after the web server has finished its requests; the
                    // library's own hook would stop it at once, under requests still in flight
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", String.valueOf(sizing.maxConnections()))
                    .setServerConfig("shared_buffers", sizing.sharedBuffers())
                    .setServerConfig("work_mem", sizing.workMem())
                    .setServerConfig("maintenance_work_mem", sizing.maintenanceWorkMem())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // initdb options, passed as --key=value: a new cluster is password-only from its first second
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setConnectConfig("password", access.superuserPassword())
                    .start();
            try {
                access.secure(postgres.getPort(), pgData);
            } catch (RuntimeException e) {
                closeQuietly(postgres);
                throw e;
            }
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", postgres.getPort(), pgData);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(pwfile);
        }
    }

    boolean running() {
        return postgres != null;
    }

    /** The port the server listens on (loopback only). */
    public int port() {
        if (postgres == null) {
            throw new IllegalStateException("no embedded PostgreSQL: ownpilot.database.url is set");
        }
        return postgres.getPort();
    }

    HikariDataSource newDataSource() {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url("jdbc:postgresql://127.0.0.1:" + port() + "/" + ClusterAccess.APP_DATABASE)
                .username(ClusterAccess.APP_ROLE)
                .password(access.appPassword())
                .build();
    }

    /** Stops the server, then releases the data directory. */
    @Override
    public synchronized void close() {
        if (postgres == null || closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        } finally {
            release(lock);
        }
    }

    private static void release(DataDirectoryLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Could not release the data directory lock: {}", e.getMessage());
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary password file {}", file);
        }
    }
}
