package ownpilot.gateway.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import ownpilot.gateway.support.ApiTestBase;

/** A client that never reads is dropped; everyone else gets every event. */
class SlowClientApiTest extends ApiTestBase {

    private static final int EVENTS = 20_000;

    @Autowired
    LiveEvents live;

    @Test
    void aClientThatNeverReadsDoesNotHoldUpTheOthers() throws Exception {
        int before = live.connected();
        try (Socket stalled = neverReadingClient()) {
            AtomicInteger received = new AtomicInteger();
            WebSocketSession reader = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
                @Override
                protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                    if (message.getPayload().contains("\"bench:event\"")) {
                        received.incrementAndGet();
                    }
                }
            }, "ws://127.0.0.1:" + port + "/ws").get(10, TimeUnit.SECONDS);
            assertThat(waitUntil(() -> live.connected() == before + 2)).isTrue();
            String padding = "x".repeat(1024);
            for (int i = 0; i < EVENTS; i++) {
                live.broadcast("default", "bench:event", Map.of("n", i, "padding", padding));
                int sent = i + 1;
                // paced by the reading client only: with one shared sender, the stalled client stops it here
                assertThat(waitUntil(() -> sent - received.get() < 1_000)).as("the reader is stuck at %d of %d",
                        received.get(), sent).isTrue();
            }
            assertThat(waitUntil(() -> received.get() == EVENTS)).as("received %d", received.get()).isTrue();
            assertThat(waitUntil(() -> live.connected() == before + 1))
                    .as("the stalled client was dropped, the reader kept").isTrue();
            reader.close();
        }
    }

    /** Completes the WebSocket handshake by hand, then never reads another byte. */
    private Socket neverReadingClient() throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setReceiveBufferSize(4096);
        socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }

    /** Polls for at most 60 s; the assertion on the result says what was expected. */
    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
