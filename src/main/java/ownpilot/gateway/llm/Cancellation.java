package ownpilot.gateway.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lets the caller abandon a model call, for example when the client that asked for it disconnects. */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            hooks.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} on cancellation, at once if already cancelled; returns a handle that unregisters it. */
    Runnable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
