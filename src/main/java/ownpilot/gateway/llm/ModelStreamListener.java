package ownpilot.gateway.llm;

/** Receives a model's output while it streams. Called on the thread that reads the provider's stream. */
public interface ModelStreamListener {

    void onText(String delta);

    /** The request has been handed to the provider's connection (once per attempt): a moment to do other work. */
    default void onRequestSent() {}

    /** A failed attempt that will be tried again after {@code delayMs}. */
    default void onRetry(int attempt, String error, long delayMs) {}
}
