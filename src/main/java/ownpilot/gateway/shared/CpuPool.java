package ownpilot.gateway.shared;

import java.util.concurrent.ArrayBlockingQueue;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where CPU-bound work on caller input runs (caller-supplied regexes, the JS sandbox, the expression
 * evaluator, loops over user text): a few platform threads, fewer than the cores, behind a bounded
 * queue. Requests run on virtual threads, and a virtual thread that computes never yields its
 * carrier; with two cores, two such runs would stop every other request, probes included. Here the
 * operating system shares the cores between this pool and the carriers, so the rest keeps answering.
 * A full queue, or a task that waited too long for a thread, is refused with 429 {@code BUSY}.
 */
@Component
public class CpuPool implements DisposableBean {

    private final ThreadPoolExecutor executor;
    private final long maxQueueWaitNanos;

    @Autowired
    CpuPool(KernelProperties settings) {
        this(settings.cpu().threads(), settings.cpu().queue(), settings.cpu().maxQueueWaitMs());
    }

    CpuPool(int threads, int queue, long maxQueueWaitMs) {
        int size = threads > 0 ? threads : defaultThreads();
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queue)),
                Thread.ofPlatform().daemon().name("cpu-", 0).factory(), new ThreadPoolExecutor.AbortPolicy());
        this.maxQueueWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxQueueWaitMs);
    }

    /** One thread fewer than the cores (at least one), so a core is always left for requests. */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public int threads() {
        return executor.getMaximumPoolSize();
    }

    /** Tasks waiting for a thread. */
    public int queued() {
        return executor.getQueue().size();
    }

    /**
     * Runs the task on the pool and waits for it. Runtime exceptions of the task reach the caller as
     * they are; an interrupted caller cancels (interrupts) the task.
     */
    public <T> T call(Callable<T> task) {
        ClaimedTask<T> claimed = new ClaimedTask<>(task);
        try {
            executor.execute(claimed.future());
        } catch (RejectedExecutionException full) {
            throw busy();
        }
        try {
            return await(claimed);
        } catch (InterruptedException e) {
            claimed.future().cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "INTERRUPTED", "The computation was interrupted");
        } catch (ExecutionException e) {
            throw TaskFailures.unchecked(e.getCause());
        }
    }

    private <T> T await(ClaimedTask<T> claimed) throws InterruptedException, ExecutionException {
        try {
            return claimed.future().get(maxQueueWaitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (claimed.giveUp(executor)) {
                throw busy();
            }
            // started: the task is bounded by its own deadline (regex budget, sandbox timeout)
            return claimed.future().get();
        } catch (CancellationException e) {
            throw busy();
        }
    }

    private static ApiException busy() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "BUSY",
                "The server is busy with other computations; try again shortly");
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
