package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * binaries), keeping the cluster under {@code <data dir>/postgres} so data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory) {
        Path pgData = dataDirectory.subdirectory("postgres", true);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .start();
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", postgres.getPort(), pgData);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData
                    + " (is another gateway using this data directory?)", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseSettings settings) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        settings.applyTo(dataSource);
        return dataSource;
    }
}
