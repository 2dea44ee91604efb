package ownpilot.gateway.llm;

import java.net.http.HttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The shared HTTP client for provider calls and its limits: connect timeout, time for a response
 * to start, how long a stream may stay silent, and the retry policy before the first token.
 */
@Component
class LlmTransport implements DisposableBean {

    final HttpClient http;
    final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    final Duration headersTimeout;
    final long stallMillis;
    final int maxAttempts;
    final long retryBaseMillis;

    @Autowired
    LlmTransport(LlmProperties settings) {
        this(settings.connectTimeoutMs(), settings.headersTimeoutMs(), settings.stallTimeoutMs(),
                settings.maxAttempts(), settings.retryBaseMs());
    }

    LlmTransport(long connectMillis, long headersMillis, long stallMillis, int maxAttempts, long retryBaseMillis) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(connectMillis)).executor(readers)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.headersTimeout = Duration.ofMillis(headersMillis);
        this.stallMillis = stallMillis;
        this.maxAttempts = Math.max(1, Math.min(maxAttempts, 10));
        this.retryBaseMillis = Math.max(0, Math.min(retryBaseMillis, 30_000));
    }

    /** Exponential backoff: base, 2×base, 4×base…, at most 30 s. */
    long backoff(int failedAttempt) {
        return Math.min(30_000, retryBaseMillis << Math.min(failedAttempt - 1, 10));
    }

    @Override
    public void destroy() {
        http.shutdownNow();
        readers.shutdownNow();
    }
}
