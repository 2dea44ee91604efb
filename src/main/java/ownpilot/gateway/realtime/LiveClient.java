package ownpilot.gateway.realtime;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connected client: its own bounded queue and its own virtual thread writing to it, so a client
 * that stops reading blocks only itself. {@link LiveEvents} drops a client whose queue is full or
 * whose current send has taken longer than the send time limit.
 */
final class LiveClient {

    /** Wakes an idle writer to end it. The writer is never interrupted: that would break Tomcat's socket. */
    private static final WebSocketMessage<?> END = new org.springframework.web.socket.TextMessage("");

    private final WebSocketSession session;
    private final BlockingQueue<WebSocketMessage<?>> queue;
    private final Runnable onFailure;
    private volatile long sendingSince;
    private volatile boolean closed;

    LiveClient(WebSocketSession session, int capacity, Runnable onFailure) {
        this.session = session;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onFailure = onFailure;
        Thread.ofVirtual().name("ws-writer-" + session.getId()).start(this::write);
    }

    String id() {
        return session.getId();
    }

    /** The user the connection authenticated as ({@link UserHandshake}). */
    String userId() {
        return (String) session.getAttributes().get(UserHandshake.USER_ATTRIBUTE);
    }

    /** False when the queue is full: the client is too slow to keep. */
    boolean offer(WebSocketMessage<?> message) {
        return queue.offer(message);
    }

    /** A send has been blocked for longer than {@code limitNanos}. */
    boolean stuck(long now, long limitNanos) {
        long since = sendingSince;
        return since != 0 && now - since > limitNanos;
    }

    private void write() {
        try {
            while (true) {
                WebSocketMessage<?> next = queue.take();
                if (next == END || closed || !session.isOpen()) {
                    return;
                }
                sendingSince = System.nanoTime();
                session.sendMessage(next);
                sendingSince = 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            onFailure.run();
        }
    }

    /** Stops writing and closes the connection, without waiting for a blocked send. */
    void close(CloseStatus status) {
        closed = true;
        queue.clear();
        queue.offer(END);
        Thread.ofVirtual().name("ws-close-" + session.getId()).start(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException alreadyGone) {
                // the connection is gone either way
            }
        });
    }
}
