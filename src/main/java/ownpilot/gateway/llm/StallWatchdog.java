package ownpilot.gateway.llm;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Aborts provider streams that have sent nothing for longer than the stall limit. */
@Component
class StallWatchdog implements DisposableBean {

    private record Watched(UpstreamCall call, Supplier<RuntimeException> timeout) {}

    private final Set<Watched> calls = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "llm-stall-watchdog");
        t.setDaemon(true);
        return t;
    });

    StallWatchdog() {
        timer.scheduleWithFixedDelay(this::sweep, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code call} until the returned handle runs. */
    Runnable watch(UpstreamCall call, Supplier<RuntimeException> timeout) {
        Watched w = new Watched(call, timeout);
        calls.add(w);
        return () -> calls.remove(w);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watched w : calls) {
            if (w.call().stalled(now)) {
                w.call().abort(w.timeout().get());
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
