package ownpilot.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.support.ApiTestBase;

/**
 * On the gateway's own pool: a virtual thread's unit runs where it is while a connection is idle or
 * inside a transaction, and on a work thread, which then waits for a connection like any pool user,
 * while none is.
 */
class DatabaseWorkApiTest extends ApiTestBase {

    @Autowired
    DatabaseWork work;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aUnitStaysOnItsVirtualThreadWhileAConnectionIsIdle() {
        jdbc.sql("SELECT 1").query(Integer.class).single();
        String thread = onVirtual(() -> work.call(() -> Thread.currentThread().isVirtual() + " "
                + jdbc.sql("SELECT 2").query(Integer.class).single()));
        assertThat(thread).isEqualTo("true 2");
    }

    @Test
    void aUnitGoesToAWorkThreadWhileEveryConnectionIsTakenAndRunsWhenOneComesBack() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        List<Connection> held = new ArrayList<>();
        CompletableFuture<String> unit;
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            unit = CompletableFuture.supplyAsync(() -> work.call(() -> Thread.currentThread().getName() + " "
                    + jdbc.sql("SELECT 3").query(Integer.class).single()), Executors.newVirtualThreadPerTaskExecutor());
            while (pool.getHikariPoolMXBean().getThreadsAwaitingConnection() == 0 && !unit.isDone()) {
                Thread.onSpinWait();
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(unit.join()).startsWith("db-work-").endsWith(" 3");
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aUnitInsideATransactionRunsOnItsConnectionEvenWhileEveryOtherIsTaken() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        String seen = onVirtual(() -> transactions.execute(status -> {
            jdbc.sql("CREATE TEMP TABLE work_probe (x int) ON COMMIT DROP").update();
            jdbc.sql("INSERT INTO work_probe VALUES (7)").update();
            List<Connection> held = new ArrayList<>();
            try {
                while (pool.getHikariPoolMXBean().getIdleConnections() > 0) {
                    held.add(pool.getConnection());
                }
                // only this transaction's connection sees the table
                return work.call(() -> Thread.currentThread().isVirtual() + " "
                        + jdbc.sql("SELECT x FROM work_probe").query(Integer.class).single());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                held.forEach(DatabaseWorkApiTest::closeQuietly);
            }
        }));
        assertThat(seen).isEqualTo("true 7");
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onVirtual(java.util.function.Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, Executors.newVirtualThreadPerTaskExecutor()).join();
    }
}
