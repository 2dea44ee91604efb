package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import ownpilot.gateway.shared.DataDirectory;

/**
 * The PostgreSQL the gateway talks to: the external one of {@code ownpilot.database.url}, else its
 * own {@link EmbeddedDatabase}. Chosen when the beans are created, not by a condition on the
 * configuration: a build-time (Spring AOT) view of the context fixes conditions, and the choice must
 * follow the configuration the gateway is started with.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataDirectory dataDirectory, DatabaseProperties settings,
            ObjectProvider<EarlyDatabaseStart.Pending> early) {
        if (settings.external()) {
            return EmbeddedDatabase.NONE;
        }
        EarlyDatabaseStart.Pending pending = early.getIfAvailable();
        EmbeddedDatabase started = pending == null ? null : pending.awaitFor(dataDirectory, settings);
        return started != null ? started : EmbeddedDatabase.start(dataDirectory, settings);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase embedded, DatabaseProperties settings) {
        HikariDataSource dataSource = embedded.running() ? embedded.newDataSource() : external(settings);
        settings.applyTo(dataSource);
        return dataSource;
    }

    private static HikariDataSource external(DatabaseProperties settings) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(settings.url())
                .username(StringUtils.hasLength(settings.username()) ? settings.username() : null)
                .password(StringUtils.hasLength(settings.password()) ? settings.password() : null)
                .build();
    }
}
