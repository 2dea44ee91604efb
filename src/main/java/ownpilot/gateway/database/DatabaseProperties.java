package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database ({@code ownpilot.database.*}): an external PostgreSQL when {@code url} is set, else the
 * embedded one; the pool settings apply to both.
 */
@ConfigurationProperties("ownpilot.database")
record DatabaseProperties(String url, String username, String password, @DefaultValue("20") int poolSize,
        @DefaultValue("5000") long connectionTimeoutMs) {

    void applyTo(HikariDataSource dataSource) {
        dataSource.setPoolName("ownpilot");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setConnectionTimeout(connectionTimeoutMs);
        dataSource.setValidationTimeout(Math.min(connectionTimeoutMs, 2000));
    }
}
