package ownpilot.gateway.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} between the replicas that share a database: cache invalidations and
 * live events raised on one replica reach all others. One connection of the pool is held for listening
 * by a daemon thread, re-opened when it breaks; messages sent by this process come back to it and are
 * skipped, since the sender already acted on them locally. NOTIFY is not durable: a replica that is
 * down or reconnecting misses messages, which is acceptable for what goes through here (caches expire
 * on their own, live events are hints a client re-reads).
 *
 * <p>With no other replica possible ({@link Replicas}) nothing is sent or listened for: a NOTIFY per
 * live event was a database round trip and a commit on every tool run for no reader.
 */
@Component
public class PgNotifications implements DisposableBean {

    /** PostgreSQL's limit for a NOTIFY payload is 8000 bytes; larger messages are not sent. */
    public static final int MAX_PAYLOAD_BYTES = 7900;

    private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,40}");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final Thread listener;
    private final Thread sender;
    /** Best effort like NOTIFY itself: when the database is away for long, messages beyond this are dropped. */
    private final BlockingQueue<Outgoing> outgoing = new LinkedBlockingQueue<>(10_000);

    private record Outgoing(String channel, String message) {}
    private final Queue<String> toListen = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private final boolean singleNode;

    PgNotifications(DataSource dataSource, JdbcClient jdbc, Replicas replicas) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.singleNode = !replicas.mayShareDatabase();
        this.listener = Thread.ofPlatform().daemon().name("pg-listen").unstarted(this::listen);
        this.sender = Thread.ofPlatform().daemon().name("pg-notify").unstarted(this::sendQueued);
        if (!singleNode) {
            listener.start();
            sender.start();
        }
    }

    /** Calls {@code handler} with the payload of every message on {@code channel} sent by another replica. */
    public void subscribe(String channel, Consumer<String> handler) {
        checkChannel(channel);
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        // the listening thread owns its connection (the driver locks it while waiting for messages)
        toListen.add(channel);
    }

    /**
     * Queues a message for every other replica; false when it is too large or the queue is full. The
     * sending thread sends it: a caller may be inside a transaction's commit callbacks, holding its
     * connection, and asking the pool for a second one there starved the pool under load.
     */
    public boolean send(String channel, String payload) {
        checkChannel(channel);
        String message = node + '\n' + payload;
        if (message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            return false;
        }
        return singleNode || outgoing.offer(new Outgoing(channel, message));
    }

    private void sendQueued() {
        while (running) {
            Outgoing next;
            try {
                next = outgoing.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", next.channel())
                        .param("payload", next.message()).query().singleRow();
            } catch (RuntimeException e) {
                log.debug("NOTIFY {} failed: {}", next.channel(), e.toString());
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection open = dataSource.getConnection()) {
                open.setAutoCommit(true);
                listen(open, handlers.keySet());
                PGConnection pg = open.unwrap(PGConnection.class);
                while (running) {
                    List<String> added = new ArrayList<>();
                    for (String channel = toListen.poll(); channel != null; channel = toListen.poll()) {
                        added.add(channel);
                    }
                    listen(open, added);
                    PGNotification[] received = pg.getNotifications(250);
                    if (received != null) {
                        for (PGNotification n : received) {
                            deliver(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.debug("Listening connection lost, reconnecting: {}", e.toString());
                    sleep();
                }
            }
        }
    }

    private static void listen(Connection connection, Iterable<String> channels) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String channel : channels) {
                s.execute("LISTEN " + channel);
            }
        }
    }

    private void deliver(String channel, String message) {
        int newline = message.indexOf('\n');
        if (newline < 0 || message.substring(0, newline).equals(node)) {
            return;
        }
        String payload = message.substring(newline + 1);
        for (Consumer<String> handler : handlers.getOrDefault(channel, List.of())) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                log.warn("Handler of {} failed: {}", channel, e.toString());
            }
        }
    }

    private static void checkChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Bad channel name: " + channel);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void destroy() {
        running = false;
        listener.interrupt();
        sender.interrupt();
    }
}
