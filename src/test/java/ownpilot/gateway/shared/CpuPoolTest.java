package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The CPU pool runs work on its own threads and refuses what it cannot take with 429 BUSY. */
class CpuPoolTest {

    private static final java.util.concurrent.Executor VIRTUAL =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void runsOnAPlatformThreadAndPassesFailuresThrough() {
        CpuPool pool = new CpuPool(1, 4, 10_000);
        try {
            assertThat(pool.call(() -> Thread.currentThread().isVirtual())).isFalse();
            assertThat(pool.call(() -> Thread.currentThread().getName())).startsWith("cpu-");
            assertThatThrownBy(() -> pool.call(() -> {
                throw new IllegalArgumentException("bad input");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
        } finally {
            pool.destroy();
        }
    }

    @Test
    void aFullQueueIsBusyAtOnce() throws Exception {
        CpuPool pool = new CpuPool(1, 1, 60_000);
        CountDownLatch release = new CountDownLatch(1);
        try {
            var blocker = block(pool, release);
            var queued = CompletableFuture.supplyAsync(() -> pool.call(() -> "queued"), VIRTUAL);
            while (pool.queued() == 0) {
                Thread.onSpinWait();
            }
            assertBusy(() -> pool.call(() -> "third"));
            release.countDown();
            assertThat(blocker.join()).isEqualTo("done");
            assertThat(queued.join()).isEqualTo("queued");
        } finally {
            release.countDown();
            pool.destroy();
        }
    }

    @Test
    void aTaskThatWaitsTooLongForAThreadIsBusyAndNeverRuns() throws Exception {
        CpuPool pool = new CpuPool(1, 4, 100);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            var blocker = block(pool, release);
            assertBusy(() -> pool.call(() -> ran.getAndSet(true)));
            release.countDown();
            assertThat(blocker.join()).isEqualTo("done");
            assertThat(pool.call(() -> "after")).isEqualTo("after");
            assertThat(ran).isFalse();
        } finally {
            release.countDown();
            pool.destroy();
        }
    }

    private static CompletableFuture<String> block(CpuPool pool, CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        var blocker = CompletableFuture.supplyAsync(() -> pool.call(() -> {
            running.countDown();
            release.await();
            return "done";
        }), VIRTUAL);
        running.await();
        return blocker;
    }

    private static void assertBusy(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("BUSY"))
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(429));
    }
}
