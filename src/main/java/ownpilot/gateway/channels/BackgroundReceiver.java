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

/**
 * Receiving for channels the platform cannot call (a home machine behind NAT): one virtual thread per
 * channel runs rounds of {@link #receive} (a long poll, a WebSocket session) under a lease on the
 * channel's row, so one replica receives for a channel at a time; a failed round is retried with a
 * doubling pause (at most {@value #MAX_BACKOFF_MS} ms) and the channel shows {@code reconnecting}; a
 * refused credential stops it in {@code error}. A rescan every {@value #RESCAN_SECONDS} s picks up
 * channels created on other replicas and leases that expired. Stopping gives the lease back.
 */
abstract class BackgroundReceiver implements SmartLifecycle {

    static final int LEASE_SECONDS = 90;
    static final int RESCAN_SECONDS = 15;
    static final long MAX_BACKOFF_MS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(BackgroundReceiver.class);

    /** The right to receive for one channel; renewing it fails once another replica took it over. */
    interface Lease {
        boolean renew();
    }

    protected final ChannelRepository channels;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService rescans;

    BackgroundReceiver(ChannelRepository channels) {
        this.channels = channels;
    }

    /** Whether this receiver serves the channel (its type and mode). */
    abstract boolean handles(Channel channel);

    /** One round of receiving (it may last long; {@code lease} must be renewed at least every minute). */
    abstract void receive(Channel channel, Lease lease) throws PlatformException, InterruptedException;

    void start(String channelId) {
        running.computeIfAbsent(channelId, id -> Thread.ofVirtual().name(getClass().getSimpleName() + "-" + id)
                .start(() -> loop(id)));
    }

    void stop(String channelId) {
        Thread thread = running.remove(channelId);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop(String id) {
        long backoff = 1000;
        Lease lease = () -> channels.leaseReceiver(id, owner, LEASE_SECONDS);
        try {
            while (running.get(id) == Thread.currentThread()) {
                Channel channel = channels.findAnyUser(id).filter(this::handles).orElse(null);
                if (channel == null || channel.status().equals("error") || !lease.renew()) {
                    return;
                }
                try {
                    receive(channel, lease);
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
            log.warn("Receiving for channel {} stopped: {}", id, e.toString());
            channels.status(id, "reconnecting", "receiving stopped: " + e.getClass().getSimpleName());
        } finally {
            running.remove(id, Thread.currentThread());
            try {
                channels.releaseReceiver(id, owner);
            } catch (RuntimeException e) {
                log.debug("Could not release the lease of channel {}: {}", id, e.toString());
            }
        }
    }

    private void rescan() {
        try {
            channels.receivingInBackground().stream().filter(this::handles).filter(c -> !c.status().equals("error"))
                    .forEach(c -> start(c.id()));
        } catch (RuntimeException e) {
            log.debug("Rescan of background channels failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        rescans = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("channel-rescan").factory());
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
        // each receiver gives its lease back while the database is still open, so a restart resumes at once
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
