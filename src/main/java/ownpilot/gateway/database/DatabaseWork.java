package ownpilot.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ownpilot.gateway.shared.ClaimedTask;
import ownpilot.gateway.shared.TaskFailures;

/**
 * Runs a short unit of database work (a few statements and their commit) for a virtual thread on one
 * of a few platform threads, as many as the pool has connections. A virtual thread that holds a
 * pooled connection waits for a carrier after every round trip; under a burst of thousands of
 * runnable virtual threads on two carriers that wait is the length of the whole run queue, so each
 * connection is held many times longer than the database needs it and the pool's other waiters time
 * out (bench/README.md, eighth session). A platform thread woken by the database's answer is
 * scheduled by the operating system next to the carriers, so connections come back at the speed of
 * the database. The unit runs where the caller is when that thread is a platform thread, or when a
 * connection is idle and nobody waits for one: then no connection is contended, and the hand-off
 * would only add two wake-ups (0.3 ms on the path to a chat's first token, bench/README.md). It also
 * runs there inside a transaction, whose connection is bound to the caller's thread.
 * A unit that finds no thread within the pool's connection timeout never runs: the caller gets the
 * same "no connection" failure as a pool wait that timed out (a 503 {@code DATABASE_UNAVAILABLE}).
 * The queue holds at most one unit per waiting caller.
 */
@Component
public class DatabaseWork implements DisposableBean {

    private static final long IDLE_SECONDS = 10;

    private final ThreadPoolExecutor executor;
    private final long maxQueueWaitNanos;
    private final HikariDataSource pool;

    @Autowired
    DatabaseWork(DatabaseProperties settings, DataSource dataSource) {
        this(settings.poolSize(), settings.connectionTimeoutMs(),
                dataSource instanceof HikariDataSource hikari ? hikari : null);
    }

    /** {@code pool} null: every virtual thread's unit is handed to the work threads. */
    DatabaseWork(int threads, long maxQueueWaitMs, HikariDataSource pool) {
        this.pool = pool;
        int size = Math.max(1, threads);
        this.executor = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("db-work-", 0).factory());
        // the threads exist only while a load needs them: their stacks go back to the system after it
        executor.allowCoreThreadTimeOut(true);
        this.maxQueueWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxQueueWaitMs);
    }

    public void run(Runnable unit) {
        call(() -> {
            unit.run();
            return null;
        });
    }

    /** The unit's result; its runtime exceptions reach the caller as they are. */
    public <T> T call(Supplier<T> unit) {
        if (!Thread.currentThread().isVirtual() || TransactionSynchronizationManager.isSynchronizationActive()
                || uncontended()) {
            return unit.get();
        }
        ClaimedTask<T> claimed = new ClaimedTask<>(unit::get);
        executor.execute(claimed.future());
        try {
            return await(claimed);
        } catch (ExecutionException e) {
            throw TaskFailures.unchecked(e.getCause());
        }
    }

    /** A connection is idle, nobody waits for one and no unit waits for a work thread. */
    private boolean uncontended() {
        HikariPoolMXBean connections = pool == null ? null : pool.getHikariPoolMXBean();
        return connections != null && executor.getQueue().isEmpty() && connections.getThreadsAwaitingConnection() == 0
                && connections.getIdleConnections() > 0;
    }

    private <T> T await(ClaimedTask<T> claimed) throws ExecutionException {
        boolean interrupted = false;
        long deadline = System.nanoTime() + maxQueueWaitNanos;
        try {
            while (true) {
                try {
                    return claimed.claimed() ? claimed.future().get()
                            : claimed.future().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (claimed.giveUp(executor)) {
                        throw new CannotGetJdbcConnectionException("Interrupted while waiting for the database");
                    }
                    // started: a write under way is waited for, so the caller never reports a failure it then commits
                } catch (TimeoutException e) {
                    if (claimed.giveUp(executor)) {
                        throw new CannotGetJdbcConnectionException("No database thread free within "
                                + TimeUnit.NANOSECONDS.toMillis(maxQueueWaitNanos) + " ms");
                    }
                } catch (CancellationException e) {
                    throw new CannotGetJdbcConnectionException("The database work was cancelled");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
