package ownpilot.gateway.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs streamed chats on virtual threads, each with its SSE sink, and sends a heartbeat comment on
 * every stream that has been silent for the heartbeat interval.
 */
@Component
class ChatStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);
    private static final long MAX_STREAM_MILLIS = TimeUnit.MINUTES.toMillis(30);

    private final ChatService service;
    private final JsonMapper json;
    private final long heartbeatNanos;
    private final Set<SseChatSink> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    ChatStreams(ChatService service, JsonMapper json, @Value("${ownpilot.chat.heartbeat-ms:15000}") long heartbeatMs) {
        this.service = service;
        this.json = json;
        long interval = Math.max(50, heartbeatMs);
        this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(interval);
        long tick = Math.max(25, Math.min(1000, interval / 4));
        heartbeats.scheduleWithFixedDelay(() -> open.forEach(s -> s.heartbeatIfIdle(heartbeatNanos)), tick, tick,
                TimeUnit.MILLISECONDS);
    }

    SseEmitter start(String userId, String requestId, String messageId, ChatSetup.Setup setup,
            ChatRun.Client client, Runnable unlock) {
        SseEmitter emitter = new SseEmitter(MAX_STREAM_MILLIS);
        Cancellation cancellation = new Cancellation();
        SseChatSink sink = new SseChatSink(emitter, messageId, setup.conversation().id(), json, cancellation);
        emitter.onTimeout(() -> sink.error(new ApiException(HttpStatus.GATEWAY_TIMEOUT, "STREAM_TIMEOUT",
                "The stream reached its maximum duration")));
        emitter.onError(e -> sink.clientGone());
        emitter.onCompletion(sink::clientGone);
        open.add(sink);
        runners.submit(() -> {
            MDC.put("requestId", requestId);
            try {
                sink.done(service.run(userId, requestId, messageId, setup, client, sink, cancellation));
            } catch (ChatFailed failed) {
                sink.error(failed.error());
            } catch (ApiException e) {
                sink.error(e);
            } catch (RuntimeException e) {
                log.error("Chat stream failed", e);
                sink.error(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                        "An unexpected error occurred"));
            } finally {
                open.remove(sink);
                unlock.run();
                MDC.clear();
            }
        });
        return emitter;
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        runners.shutdownNow();
    }
}
