package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import ownpilot.gateway.shared.DataDirectory;

/**
 * Without {@code ownpilot.database.url} the gateway runs its own PostgreSQL (zonky's embedded
 * binaries), keeping the cluster under {@code <data dir>/postgres} so data survives restarts. Unlike
 * the library's test defaults it is as durable as any PostgreSQL ({@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} on), asks every connection for a password
 * ({@link ClusterAccess}), takes over from a gateway that died ({@link OrphanedPostmaster}) and
 * refuses to share its data directory with a live one ({@link DataDirectoryLock}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(DataDirectory dataDirectory) {
        return DataDirectoryLock.acquire(dataDirectory.root());
    }

    @Bean
    ClusterAccess clusterAccess(DataDirectory dataDirectory) {
        return new ClusterAccess(dataDirectory);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectoryLock lock, DataDirectory dataDirectory, ClusterAccess access,
            DatabaseProperties settings) {
        DatabaseProperties.Embedded sizing = settings.embedded();
        sizing.checkRoomFor(settings.poolSize());
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
            access.secure(postgres.getPort(), pgData);
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", postgres.getPort(), pgData);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(pwfile);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, ClusterAccess access, DatabaseProperties settings) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + ClusterAccess.APP_DATABASE)
                .username(ClusterAccess.APP_ROLE)
                .password(access.appPassword())
                .build();
        settings.applyTo(dataSource);
        return dataSource;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary password file {}", file);
        }
    }
}
