package ownpilot.gateway.customtools;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;

/**
 * Watches one run from the sandbox's watchdog thread and cancels its context at the first limit it
 * crosses: the wall-clock deadline, or memory. GraalJS community has no per-context heap limit
 * ({@code sandbox.MaxHeapMemory} is Oracle GraalVM only), so memory is watched the way that option
 * works: once the run's thread has allocated more than the budget, the retained heap
 * ({@link RetainedHeap}) is compared with what it was when the run started; growth beyond the
 * budget is what the run keeps, and the run is stopped. Runs are confined to the CPU pool's threads,
 * so at most that many budgets are in use at once.
 */
final class SandboxGuard implements AutoCloseable {

    enum Limit { TIME, MEMORY, STATEMENTS }

    private static final long CHECK_EVERY_MS = 5;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final AtomicReference<Limit> hit = new AtomicReference<>();
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> memory;

    /** Starts watching; call on the thread that runs the code. */
    void watch(Context context, ScheduledExecutorService watchdog, long timeoutMs, long maxKeptBytes) {
        long thread = Thread.currentThread().threadId();
        long base = THREADS.getThreadAllocatedBytes(thread);
        long heapBase = RetainedHeap.used();
        this.deadline = watchdog.schedule(() -> stop(context, Limit.TIME), timeoutMs, TimeUnit.MILLISECONDS);
        this.memory = watchdog.scheduleWithFixedDelay(() -> {
            if (THREADS.getThreadAllocatedBytes(thread) - base > maxKeptBytes
                    && RetainedHeap.used() - heapBase > maxKeptBytes) {
                stop(context, Limit.MEMORY);
            }
        }, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** The statement limit is enforced by GraalJS itself, which reports it here. */
    void statementsExceeded() {
        hit.compareAndSet(null, Limit.STATEMENTS);
    }

    private void stop(Context context, Limit limit) {
        if (hit.compareAndSet(null, limit)) {
            try {
                context.close(true);
            } catch (RuntimeException alreadyClosed) {
                // the run ended as the limit was reached
            }
        }
    }

    /** The limit that ended the run, or null. */
    Limit hit() {
        return hit.get();
    }

    @Override
    public void close() {
        if (deadline != null) {
            deadline.cancel(false);
            memory.cancel(false);
        }
    }
}
