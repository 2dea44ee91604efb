package ownpilot.gateway.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import ownpilot.gateway.shared.PgNotifications;
import ownpilot.gateway.shared.Replicas;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connected live-event clients. Every frame is {@code {type, payload, timestamp}}. Each client has
 * its own bounded queue and writer ({@link LiveClient}): publishing never waits, and a client that
 * stops reading is dropped, when its queue is full or a send has been blocked for
 * {@value #SEND_TIME_LIMIT_MS} ms, without slowing anyone else. Events raised on other replicas arrive
 * through {@link PgNotifications}.
 */
@Component
class LiveEvents extends TextWebSocketHandler implements DisposableBean {

    static final int SEND_TIME_LIMIT_MS = 5_000;
    static final int QUEUE_CAPACITY = 4_096;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveEvents.class);

    private final Map<String, LiveClient> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "ws-watchdog"));
    private static final String CHANNEL = "ownpilot_live";

    private final JsonMapper json;
    private final PgNotifications replicas;
    private final boolean othersMayListen;

    LiveEvents(JsonMapper json, PgNotifications replicas, Replicas topology, MeterRegistry meters) {
        meters.gauge("ownpilot.websocket.sessions", clients, Map::size);
        this.json = json;
        this.replicas = replicas;
        this.othersMayListen = topology.mayShareDatabase();
        replicas.subscribe(CHANNEL, this::fromReplica);
        watchdog.scheduleWithFixedDelay(this::dropStuck, 250, 250, TimeUnit.MILLISECONDS);
        watchdog.scheduleWithFixedDelay(this::ping, 30, 30, TimeUnit.SECONDS);
    }

    int connected() {
        return clients.size();
    }

    /**
     * Sends an event to every client connected as that user, on this replica and the others; nobody
     * else hears of it.
     */
    void broadcast(String userId, String type, Object payload) {
        if (!othersMayListen && clients.values().stream().noneMatch(c -> userId.equals(c.userId()))) {
            return; // nobody to tell: framing the event was a tenth of a tool run's cost
        }
        TextMessage frame = frame(type, payload);
        deliver(userId, frame);
        // the frame as serialized here, after its user id and that id's length (an id may hold any character)
        replicas.send(CHANNEL, userId.length() + ":" + userId + frame.getPayload());
    }

    private void deliver(String userId, TextMessage frame) {
        clients.values().stream().filter(c -> userId.equals(c.userId())).forEach(c -> send(c, frame));
    }

    private void fromReplica(String message) {
        int colon = message.indexOf(':');
        int length = colon > 0 ? Integer.parseInt(message.substring(0, colon)) : -1;
        if (length < 0 || colon + 1 + length > message.length()) {
            return;
        }
        String userId = message.substring(colon + 1, colon + 1 + length);
        deliver(userId, new TextMessage(message.substring(colon + 1 + length)));
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        LiveClient client = new LiveClient(session, QUEUE_CAPACITY, () -> drop(session.getId(),
                CloseStatus.SESSION_NOT_RELIABLE));
        clients.put(session.getId(), client);
        send(client, frame("connection:ready", new Session(session.getId())));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        LiveClient client = clients.get(session.getId());
        if (client == null) {
            return;
        }
        String type;
        try {
            JsonNode in = json.readTree(message.getPayload());
            type = in.path("type").asString("");
        } catch (JacksonException e) {
            send(client, frame("connection:error", new FrameError("PARSE_ERROR",
                    "Frames must be JSON objects with a type")));
            return;
        }
        if (type.equals("session:ping")) {
            send(client, frame("connection:pong", new Session(session.getId())));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        drop(session.getId(), status);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        drop(session.getId(), CloseStatus.SERVER_ERROR);
    }

    /** Every frame the socket sends; the web UI needs {@code payload} to be an object. */
    record Frame(String type, Object payload, String timestamp) {}

    record Session(String sessionId) {}

    record FrameError(String code, String message) {}

    private TextMessage frame(String type, Object payload) {
        return new TextMessage(json.writeValueAsString(new Frame(type, payload, Instant.now().toString())));
    }

    private void send(LiveClient client, WebSocketMessage<?> message) {
        if (!client.offer(message)) {
            drop(client.id(), CloseStatus.SESSION_NOT_RELIABLE.withReason("too slow: event queue full"));
        }
    }

    private void drop(String id, CloseStatus status) {
        LiveClient client = clients.remove(id);
        if (client != null) {
            if (status.getCode() == CloseStatus.SESSION_NOT_RELIABLE.getCode()) {
                log.info("Dropped live-event client {}: {}", id, status.getReason());
            }
            client.close(status);
        }
    }

    private void dropStuck() {
        long now = System.nanoTime();
        long limit = TimeUnit.MILLISECONDS.toNanos(SEND_TIME_LIMIT_MS);
        clients.values().stream().filter(c -> c.stuck(now, limit)).toList().forEach(c -> drop(c.id(),
                CloseStatus.SESSION_NOT_RELIABLE.withReason("too slow: a send was blocked")));
    }

    private void ping() {
        clients.values().forEach(c -> send(c, new PingMessage()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
        clients.keySet().forEach(id -> drop(id, CloseStatus.GOING_AWAY));
    }
}
