package ownpilot.gateway.realtime;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connected live-event clients. Every frame is {@code {type, payload, timestamp}}. Frames go out on
 * one sender thread, so the code that publishes an event never waits for a slow client; a client
 * that cannot keep up (send blocked 5 s or 1 MB buffered) is disconnected.
 */
@Component
class LiveEvents extends TextWebSocketHandler implements DisposableBean {

    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 1024 * 1024;

    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "ws-sender"));
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "ws-ping"));
    private final JsonMapper json;

    LiveEvents(JsonMapper json) {
        this.json = json;
        pinger.scheduleWithFixedDelay(this::ping, 30, 30, TimeUnit.SECONDS);
    }

    int connected() {
        return sessions.size();
    }

    /** Sends an event to every connected client. */
    void broadcast(String type, Object payload) {
        TextMessage frame = frame(type, payload);
        sender.execute(() -> sessions.values().forEach(s -> send(s, frame)));
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS,
                BUFFER_LIMIT_BYTES, ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        sessions.put(session.getId(), safe);
        TextMessage ready = frame("connection:ready", Map.of("sessionId", session.getId()));
        sender.execute(() -> send(safe, ready));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        WebSocketSession safe = sessions.get(session.getId());
        if (safe == null) {
            return;
        }
        String type;
        try {
            JsonNode in = json.readTree(message.getPayload());
            type = in.path("type").asString("");
        } catch (JacksonException e) {
            TextMessage error = frame("connection:error", Map.of("code", "PARSE_ERROR",
                    "message", "Frames must be JSON objects with a type"));
            sender.execute(() -> send(safe, error));
            return;
        }
        if (type.equals("session:ping")) {
            TextMessage pong = frame("connection:pong", Map.of("sessionId", session.getId()));
            sender.execute(() -> send(safe, pong));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sessions.remove(session.getId());
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        sessions.remove(session.getId());
    }

    private TextMessage frame(String type, Object payload) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("payload", payload);
        frame.put("timestamp", Instant.now().toString());
        return new TextMessage(json.writeValueAsString(frame));
    }

    private void send(WebSocketSession session, TextMessage frame) {
        try {
            if (session.isOpen()) {
                session.sendMessage(frame);
            }
        } catch (IOException | RuntimeException e) {
            sessions.remove(session.getId());
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException | RuntimeException ignored) {
                // already gone
            }
        }
    }

    private void ping() {
        sender.execute(() -> sessions.values().forEach(s -> {
            try {
                if (s.isOpen()) {
                    s.sendMessage(new PingMessage());
                }
            } catch (IOException | RuntimeException e) {
                sessions.remove(s.getId());
            }
        }));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void destroy() {
        pinger.shutdownNow();
        sender.shutdownNow();
        sessions.values().forEach(s -> {
            try {
                s.close(CloseStatus.GOING_AWAY);
            } catch (IOException | RuntimeException ignored) {
                // shutting down
            }
        });
    }
}
