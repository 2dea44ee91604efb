package ownpilot.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import ownpilot.gateway.shared.DatabaseUnavailable;

/**
 * Database work asked for by a virtual thread runs on the work pool's platform threads; a unit that
 * finds no thread within the wait never runs and fails as a pool wait that timed out would.
 */
class DatabaseWorkTest {

    private static final Executor VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void aVirtualThreadsUnitRunsOnAPlatformThreadWithItsResultAndFailures() {
        DatabaseWork work = new DatabaseWork(2, 10_000, null);
        try {
            assertThat(onVirtual(() -> work.call(() -> Thread.currentThread().getName()))).startsWith("db-work-");
            assertThat(onVirtual(() -> work.call(() -> Thread.currentThread().isVirtual()))).isFalse();
            assertThatThrownBy(() -> onVirtual(() -> work.call(() -> {
                throw new IllegalStateException("constraint violated");
            }))).isInstanceOf(CompletionException.class).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessage("constraint violated");
        } finally {
            work.destroy();
        }
    }

    @Test
    void aPlatformThreadRunsItsUnitWhereItIs() {
        DatabaseWork work = new DatabaseWork(1, 10_000, null);
        try {
            Thread caller = Thread.currentThread();
            assertThat(work.call(Thread::currentThread)).isSameAs(caller);
        } finally {
            work.destroy();
        }
    }

    @Test
    void aUnitThatWaitsLongerThanTheConnectionTimeoutNeverRunsAndReportsNoConnection() throws Exception {
        DatabaseWork work = new DatabaseWork(1, 100, null);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        try {
            CompletableFuture<String> blocker = CompletableFuture.supplyAsync(() -> work.call(() -> {
                running.countDown();
                awaitQuietly(release);
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
        } finally {
            release.countDown();
            work.destroy();
        }
    }

    @Test
    void aUnitUnderWayIsWaitedForEvenWhenTheCallerIsInterrupted() throws Exception {
        DatabaseWork work = new DatabaseWork(1, 10_000, null);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean finishedOnReturn = new AtomicBoolean();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try {
            Thread caller = Thread.ofVirtual().start(() -> {
                work.run(() -> {
                    running.countDown();
                    awaitQuietly(release);
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
        } finally {
            release.countDown();
            work.destroy();
        }
    }

    private static <T> T onVirtual(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, VIRTUAL).join();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
