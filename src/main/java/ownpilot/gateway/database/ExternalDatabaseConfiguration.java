package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With {@code ownpilot.database.url} set, the gateway uses that PostgreSQL and starts none. */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseCondition.class)
class ExternalDatabaseConfiguration {

    @Bean
    DataSource dataSource(@Value("${ownpilot.database.url}") String url,
            @Value("${ownpilot.database.username:}") String username,
            @Value("${ownpilot.database.password:}") String password, DatabaseSettings settings) {
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
