package ownpilot.gateway.shared;

import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Where the durable event listeners run: a few threads and a bounded queue. With one virtual thread per
 * event (Spring's default), a burst of tool runs started as many listeners at once, and they took every
 * pooled connection from the requests that published the events (32 concurrent tool runs: 503s and
 * 2.6 runs/s). A dispatch refused when the queue is full is not lost: its publication stays in the
 * registry and {@link EventRetries} resubmits it.
 */
@Component
class EventListenerExecutor implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EventListenerExecutor.class);

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EventListenerExecutor(KernelProperties settings) {
        int threads = Math.max(1, settings.events().listenerThreads());
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(Math.max(1, settings.events().listenerQueue()));
        executor.setThreadNamePrefix("event-listener-");
        executor.setRejectedExecutionHandler((task, pool) ->
                log.debug("Event listener queue full; the publication stays in the registry for a retry"));
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }
}
