package ownpilot.gateway.shared;

/** What a task run on another thread threw, for its caller: as it was when it can be, else wrapped. */
public final class TaskFailures {

    private TaskFailures() {}

    /** Runtime exceptions as they are; an {@link Error} is thrown from here; a checked exception wrapped. */
    public static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
