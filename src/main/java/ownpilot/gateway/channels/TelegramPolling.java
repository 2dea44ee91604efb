package ownpilot.gateway.channels;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Telegram long polling, for a gateway the platform cannot reach (a home machine behind NAT): one
 * virtual thread per polling channel asks {@code getUpdates} from the stored offset, stores each
 * update once ({@link ChannelInbound}, keyed by update id) and then moves the offset past it, so a
 * restart resumes where the last one stopped and a crash between the two repeats nothing. One replica
 * polls a channel at a time (a lease on the row); a rescan every {@value #RESCAN_SECONDS} s picks up
 * channels created on other replicas and leases that expired.
 */
@Component
class TelegramPolling implements SmartLifecycle {

    static final int LEASE_SECONDS = 90;
    static final int RESCAN_SECONDS = 15;
    static final long MAX_BACKOFF_MS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final ChannelRepository channels;
    private final ChannelSecrets secrets;
    private final TelegramPlatform telegram;
    private final ChannelInbound inbound;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService rescans;

    TelegramPolling(ChannelRepository channels, ChannelSecrets secrets, TelegramPlatform telegram,
            ChannelInbound inbound) {
        this.channels = channels;
        this.secrets = secrets;
        this.telegram = telegram;
        this.inbound = inbound;
    }

    void start(String channelId) {
        running.computeIfAbsent(channelId, id -> Thread.ofVirtual().name("telegram-poll-" + id).start(() -> poll(id)));
    }

    void stop(String channelId) {
        Thread thread = running.remove(channelId);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void poll(String id) {
        long backoff = 1000;
        try {
            while (running.get(id) == Thread.currentThread()) {
                Channel channel = channels.findAnyUser(id).filter(Channel::polling).orElse(null);
                if (channel == null || channel.status().equals("error") || !channels.leasePoll(id, owner, LEASE_SECONDS)) {
                    return;
                }
                try {
                    once(channel);
                    backoff = 1000;
                } catch (PlatformException e) {
                    if (e.kind() == PlatformException.Kind.UNAUTHORIZED) {
                        channels.status(id, "error", e.getMessage());
                        return;
                    }
                    channels.status(id, "reconnecting", e.getMessage());
                    Thread.sleep(backoff);
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Telegram polling of {} stopped: {}", id, e.toString());
            channels.status(id, "reconnecting", "polling stopped: " + e.getClass().getSimpleName());
        } finally {
            running.remove(id, Thread.currentThread());
            try {
                channels.releasePoll(id, owner);
            } catch (RuntimeException e) {
                log.debug("Could not release the poll lease of {}: {}", id, e.toString());
            }
        }
    }

    private void once(Channel channel) throws PlatformException {
        var updates = telegram.updates(secrets.open(channel), channel.pollOffset());
        if (!channel.status().equals("connected")) {
            channels.status(channel.id(), "connected", null);
        }
        long next = channel.pollOffset();
        for (JsonNode update : updates) {
            telegram.inbound(update).ifPresent(m -> inbound.accept(channel, m));
            next = Math.max(next, update.path("update_id").asLong() + 1);
        }
        if (next > channel.pollOffset()) {
            channels.pollOffset(channel.id(), next);
        }
    }

    private void rescan() {
        try {
            channels.polling().stream().filter(c -> !c.status().equals("error")).forEach(c -> start(c.id()));
        } catch (RuntimeException e) {
            log.debug("Telegram polling rescan failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        rescans = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("telegram-rescan").factory());
        rescans.scheduleWithFixedDelay(this::rescan, 0, RESCAN_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (rescans != null) {
            rescans.shutdownNow();
            rescans = null;
        }
        List<Thread> threads = List.copyOf(running.values());
        running.keySet().forEach(this::stop);
        // let each poller give its lease back while the database is still open, so a restart resumes at once
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return rescans != null;
    }
}
