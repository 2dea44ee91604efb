package ownpilot.gateway.llm;

import java.io.IOException;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.OutboundHttp;

/**
 * The shared HTTP client for provider calls and its limits: connect timeout, time for a response
 * to start, how long a stream may stay silent, and the retry policy before the first token.
 * <p>
 * A blocking client (Apache HttpClient 5, classic) on virtual threads: the thread that reads a
 * stream is the one the socket wakes, where the JDK client hands each exchange and each piece of
 * the body across its selector thread and executor tasks, a wake-up of another core each time on
 * the path to the first token (bench/README.md, seventh session). No redirects, no retries of its
 * own ({@link ModelCalls} retries), no compression (a gzip stream would hold tokens back), no
 * cookies; proxies as the JVM's {@link ProxySelector} says; names resolve through the JVM's
 * resolver, where the outbound address policy sits.
 */
@Component
class LlmTransport implements DisposableBean {

    /** Streams to providers at once; far above what the gateway serves, so a call never queues for one. */
    private static final int MAX_CONNECTIONS = 10_000;

    final CloseableHttpClient http;
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
        this.headersTimeout = Duration.ofMillis(headersMillis);
        this.stallMillis = stallMillis;
        this.maxAttempts = Math.max(1, Math.min(maxAttempts, 10));
        this.retryBaseMillis = Math.max(0, Math.min(retryBaseMillis, 30_000));
        // the socket timeout bounds each wait for the provider's bytes: the wait for the response to
        // start, and within a stream a silence that the stall watchdog did not end first (so it is never
        // shorter than the stall limit plus a second)
        Timeout read = Timeout.ofMilliseconds(Math.max(headersMillis, stallMillis + 1_000));
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(connectMillis)).setSocketTimeout(read)
                                .setTimeToLive(TimeValue.ofMinutes(5)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectMillis))
                        .setResponseTimeout(read).build())
                .setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()))
                .setUserAgent(OutboundHttp.USER_AGENT)
                .disableRedirectHandling().disableAutomaticRetries().disableContentCompression()
                .disableCookieManagement().disableAuthCaching()
                .evictExpiredConnections().evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /** Exponential backoff: base, 2×base, 4×base…, at most 30 s. */
    long backoff(int failedAttempt) {
        return Math.min(30_000, retryBaseMillis << Math.min(failedAttempt - 1, 10));
    }

    @Override
    public void destroy() throws IOException {
        readers.shutdownNow();
        http.close();
    }
}
