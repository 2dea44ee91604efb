package ownpilot.gateway.llm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One HTTP exchange with a provider, abortable from outside: by the caller's cancellation, or by
 * the {@link StallWatchdog} when the stream has been silent too long. Aborting shuts the request's
 * connection down (before or after the response started) and closes a streaming body, so the
 * provider stops too.
 */
final class UpstreamCall {

    private final long stallNanos;
    private volatile long lastActivity = System.nanoTime();
    private volatile InputStream body;
    private volatile Runnable cancelRequest;
    private volatile RuntimeException abortCause;

    UpstreamCall(long stallMillis) {
        this.stallNanos = stallMillis * 1_000_000L;
    }

    /** How to abort the request in flight: shuts its connection down, whatever it is doing. */
    void pending(Runnable cancel) {
        this.cancelRequest = cancel;
        if (abortCause != null) {
            cancel.run();
        }
    }

    /** Wraps the response body so every read counts as activity and an abort can close it. */
    InputStream watch(InputStream in) {
        lastActivity = System.nanoTime();
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                lastActivity = System.nanoTime();
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                lastActivity = System.nanoTime();
                return n;
            }
        };
        body = watched;
        if (abortCause != null) {
            closeQuietly(watched);
        }
        return watched;
    }

    /** True once the body has been silent for longer than the stall limit. */
    boolean stalled(long now) {
        return body != null && abortCause == null && now - lastActivity > stallNanos;
    }

    void abort(RuntimeException cause) {
        if (abortCause != null) {
            return;
        }
        abortCause = cause;
        Runnable cancel = cancelRequest;
        if (cancel != null) {
            cancel.run();
        }
        InputStream b = body;
        if (b != null) {
            closeQuietly(b);
        }
    }

    RuntimeException abortCause() {
        return abortCause;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is being abandoned; a failure to close it changes nothing for the caller
        }
    }
}
