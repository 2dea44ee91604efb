package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Conditional;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With {@code ownpilot.database.url} set, the gateway uses that PostgreSQL and starts none. */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseCondition.class)
class ExternalDatabaseConfiguration {

    @Bean
    DataSource dataSource(DatabaseProperties settings) {
        String url = settings.url();
        String username = settings.username() == null ? "" : settings.username();
        String password = settings.password() == null ? "" : settings.password();
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url)
                .username(username.isEmpty() ? null : username)
                .password(password.isEmpty() ? null : password)
                .build();
        settings.applyTo(dataSource);
        return dataSource;
    }
}
