package ownpilot.gateway.chat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat run's SSE stream: {@code chunk}, {@code progress} and {@code autonomy} events, then exactly
 * one terminal event, {@code done} or {@code error}. A failed write means the client left: the run is
 * cancelled, which closes the provider connection.
 */
final class SseChatSink implements ChatSink {

    private final SseEmitter emitter;
    private final String messageId;
    private final String conversationId;
    private final JsonMapper json;
    private final Cancellation cancellation;
    private boolean ended;
    private volatile long lastSent = System.nanoTime();

    SseChatSink(SseEmitter emitter, String messageId, String conversationId, JsonMapper json,
            Cancellation cancellation) {
        this.emitter = emitter;
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.json = json;
        this.cancellation = cancellation;
    }

    @Override
    public void chunk(String delta) {
        Map<String, Object> data = frame(delta, false);
        data.put("toolCalls", null);
        data.put("finishReason", null);
        data.put("usage", null);
        send("chunk", data, false);
    }

    @Override
    public void progress(Map<String, Object> event) {
        send("progress", event, false);
    }

    @Override
    public void autonomy(Map<String, Object> event) {
        send("autonomy", event, false);
    }

    void done(Map<String, Object> response) {
        Map<String, Object> data = frame("", true);
        data.put("message", response.get("message"));
        data.put("provider", response.get("provider"));
        data.put("model", response.get("model"));
        data.put("toolCalls", response.get("toolCalls"));
        data.put("finishReason", response.get("finishReason"));
        data.put("usage", response.get("usage"));
        if (response.containsKey("demoMode")) {
            data.put("demoMode", true);
        }
        data.put("trace", response.get("trace"));
        send("done", data, true);
    }

    void error(ApiException error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("error", error.getMessage());
        data.put("code", error.code());
        data.put("status", error.status().value());
        data.put("conversationId", conversationId);
        send("error", data, true);
    }

    /** A comment line, so proxies and clients see the stream alive while the model is silent. */
    synchronized void heartbeatIfIdle(long idleNanos) {
        if (ended || System.nanoTime() - lastSent < idleNanos) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().comment("heartbeat"));
            lastSent = System.nanoTime();
        } catch (IOException | IllegalStateException e) {
            clientGone();
        }
    }

    /** Called when the connection ends before the terminal event: cancels the run. */
    synchronized void clientGone() {
        if (!ended) {
            ended = true;
            cancellation.cancel();
        }
    }

    private Map<String, Object> frame(String delta, boolean done) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", messageId);
        data.put("conversationId", conversationId);
        data.put("delta", delta);
        data.put("done", done);
        return data;
    }

    private synchronized void send(String event, Map<String, Object> data, boolean terminal) {
        if (ended) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().name(event).data(json.writeValueAsString(data),
                    MediaType.APPLICATION_JSON));
            lastSent = System.nanoTime();
            if (terminal) {
                ended = true;
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            clientGone();
        }
    }
}
