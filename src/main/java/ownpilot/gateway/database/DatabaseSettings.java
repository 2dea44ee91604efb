package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Pool settings shared by the embedded and the external database. */
@Component
class DatabaseSettings {

    private final int maxPoolSize;
    private final long connectionTimeoutMs;

    DatabaseSettings(@Value("${ownpilot.database.pool-size:20}") int maxPoolSize,
            @Value("${ownpilot.database.connection-timeout-ms:5000}") long connectionTimeoutMs) {
        this.maxPoolSize = maxPoolSize;
        this.connectionTimeoutMs = connectionTimeoutMs;
    }

    void applyTo(HikariDataSource dataSource) {
        dataSource.setPoolName("ownpilot");
        dataSource.setMaximumPoolSize(maxPoolSize);
        dataSource.setConnectionTimeout(connectionTimeoutMs);
        dataSource.setValidationTimeout(Math.min(connectionTimeoutMs, 2000));
    }
}
