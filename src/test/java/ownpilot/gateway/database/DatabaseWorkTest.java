package ownpilot.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import ownpilot.gateway.shared.DatabaseUnavailable;

/**
 * Database work asked for by a virtual thread runs on the work pool's platform threads; a unit that
 * finds no thread within the wait never runs and fails as a pool wait that timed out would.
 */
class DatabaseWorkTest {

    private static final Executor VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

    private final List<DatabaseWork> pools = new ArrayList<>();
    /** Counted down when the blocking unit of a test runs; {@link #release} lets it end. */
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pools.forEach(DatabaseWork::destroy);
    }

    @Test
    void aVirtualThreadsUnitRunsOnAPlatformThreadWithItsResultAndFailures() {
        DatabaseWork work = work(2, 10_000);
        assertThat(onVirtual(() -> work.call(() -> Thread.currentThread().getName()))).startsWith("db-work-");
        assertThat(onVirtual(() -> work.call(() -> Thread.currentThread().isVirtual()))).isFalse();
        assertThatThrownBy(() -> onVirtual(() -> work.call(() -> {
            throw new IllegalStateException("constraint violated");
        }))).isInstanceOf(CompletionException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("constraint violated");
    }

    @Test
    void aPlatformThreadRunsItsUnitWhereItIs() {
        Thread caller = Thread.currentThread();
        assertThat(work(1, 10_000).call(Thread::currentThread)).isSameAs(caller);
    }

    @Test
    void aUnitThatWaitsLongerThanTheConnectionTimeoutNeverRunsAndReportsNoConnection() throws Exception {
        DatabaseWork work = work(1, 100);
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<String> blocker = CompletableFuture.supplyAsync(() -> work.call(() -> {
            blockUntilReleased();
            return "done";
        }), VIRTUAL);
        running.await();
        assertThatThrownBy(() -> onVirtual(() -> work.call(() -> ran.getAndSet(true))))
                .cause().isInstanceOf(CannotGetJdbcConnectionException.class)
                .satisfies(e -> assertThat(DatabaseUnavailable.is(e)).isTrue());
        release.countDown();
        assertThat(blocker.join()).isEqualTo("done");
        assertThat(onVirtual(() -> work.call(() -> "after"))).isEqualTo("after");
        assertThat(ran).isFalse();
    }

    @Test
    void aUnitUnderWayIsWaitedForEvenWhenTheCallerIsInterrupted() throws Exception {
        DatabaseWork work = work(1, 10_000);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean finishedOnReturn = new AtomicBoolean();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = Thread.ofVirtual().start(() -> {
            work.run(() -> {
                blockUntilReleased();
                finished.set(true);
            });
            finishedOnReturn.set(finished.get());
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        running.await();
        caller.interrupt();
        while (caller.getState() != Thread.State.WAITING && caller.isAlive()) {
            Thread.onSpinWait();
        }
        release.countDown();
        caller.join();
        assertThat(finishedOnReturn).isTrue();
        assertThat(stillInterrupted).isTrue();
    }

    private DatabaseWork work(int threads, long maxQueueWaitMs) {
        DatabaseWork work = new DatabaseWork(threads, maxQueueWaitMs, null);
        pools.add(work);
        return work;
    }

    private void blockUntilReleased() {
        running.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T onVirtual(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, VIRTUAL).join();
    }
}
