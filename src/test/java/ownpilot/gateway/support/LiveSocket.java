package ownpilot.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** A live-events client on {@code /ws}, collecting the frames it receives. */
public final class LiveSocket implements AutoCloseable {

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    public LiveSocket(int port, String query) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws" + query), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(Api.parse(partial.toString()));
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    /** The next frame of this type within {@code seconds}, skipping others; null if none comes. */
    public JsonNode next(String type, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = seconds * 1_000_000_000L; left > 0; left = deadline - System.nanoTime()) {
            JsonNode f = frames.poll(left, TimeUnit.NANOSECONDS);
            if (f != null && f.path("type").asString().equals(type)) {
                return f;
            }
        }
        return null;
    }

    /** Sends a text frame, as a browser would. */
    public void send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
