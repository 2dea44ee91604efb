package ownpilot.gateway.shared;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task for a pool whose caller waits only so long for it to start: the task's start and the
 * caller's giving up claim the same flag, so exactly one of them wins. A task given up on never runs,
 * and a task that started is never reported as given up ({@link FutureTask#cancel} alone cannot tell
 * a running task from a queued one).
 */
public final class ClaimedTask<T> {

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final FutureTask<T> future;

    public ClaimedTask(Callable<T> task) {
        this.future = new FutureTask<>(() -> claimed.compareAndSet(false, true) ? task.call() : null);
    }

    /** What the pool runs and the caller waits on. */
    public FutureTask<T> future() {
        return future;
    }

    /** True once the task started (or was given up on). */
    public boolean claimed() {
        return claimed.get();
    }

    /** True when the task had not started and now never will; it leaves the executor's queue. */
    public boolean giveUp(ThreadPoolExecutor executor) {
        if (claimed.compareAndSet(false, true)) {
            future.cancel(false);
            executor.remove(future);
            return true;
        }
        return false;
    }
}
