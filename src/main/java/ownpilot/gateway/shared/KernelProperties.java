package ownpilot.gateway.shared;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared kernel's settings ({@code ownpilot.*}; each has its {@code OWNPILOT_*} variable in
 * {@code application.yml} and the README's configuration table).
 */
@ConfigurationProperties("ownpilot")
public record KernelProperties(String dataDir, @DefaultValue Http http, @DefaultValue Cors cors,
        @DefaultValue Cpu cpu, @DefaultValue Events events, @DefaultValue Cache cache,
        @DefaultValue Outbound outbound) {

    /** Request bodies and the {@code Host} names served. */
    public record Http(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue List<String> allowedHosts) {}

    /** Origins allowed besides loopback. */
    public record Cors(@DefaultValue List<String> allowedOrigins) {}

    /** The pool for CPU-bound work on user input; {@code threads} 0 means cores − 1. */
    public record Cpu(@DefaultValue("0") int threads, @DefaultValue("64") int queue,
            @DefaultValue("10000") long maxQueueWaitMs) {}

    /** The threads and queue of the durable event listeners, and their retries. */
    public record Events(@DefaultValue("30000") long retryIntervalMs, @DefaultValue("10") int maxAttempts,
            @DefaultValue("4") int listenerThreads, @DefaultValue("10000") int listenerQueue) {}

    /** How long a replica may serve a cached value it was not told about. */
    public record Cache(@DefaultValue("30000") long ttlMs) {}

    /** The shared outbound HTTP client. */
    public record Outbound(@DefaultValue("8000") long connectTimeoutMs) {}
}
