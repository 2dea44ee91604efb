package ownpilot.gateway.health;

import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Checks that PostgreSQL answers within a bound, and that no migration is pending. */
@Component
class DatabaseProbe {

    static final long TIMEOUT_MS = 2000;

    record Result(boolean connected, long latencyMs, String error) {}

    private final DataSource dataSource;
    private final ObjectProvider<Flyway> flyway;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean migrated;

    DatabaseProbe(DataSource dataSource, ObjectProvider<Flyway> flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
    }

    Result ping() {
        long started = System.nanoTime();
        // isValid bounds the round trip with the socket's timeout; a statement with a query timeout
        // would schedule a task on pgjdbc's one shared, synchronized timer on every probe, the hottest
        // method of /health under load (bench/README.md)
        Future<?> query = executor.submit(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!c.isValid((int) Math.max(1, TIMEOUT_MS / 1000))) {
                    throw new java.sql.SQLException("the connection is not valid");
                }
            }
            return null;
        });
        try {
            query.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new Result(true, (System.nanoTime() - started) / 1_000_000, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, 0, "Interrupted");
        } catch (Exception e) {
            query.cancel(true);
            return new Result(false, (System.nanoTime() - started) / 1_000_000, "Database did not answer: "
                    + (e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName()));
        }
    }

    /** True once Flyway reports no pending migration; remembered, since migrations only move forward. */
    boolean migrationsComplete() {
        if (!migrated) {
            Flyway f = flyway.getIfAvailable();
            migrated = f != null && f.info().pending().length == 0;
        }
        return migrated;
    }
}
