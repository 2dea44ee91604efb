package ownpilot.gateway.chat;

import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.DatabaseUnavailable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a chat run as server-sent events on the request's own virtual thread, ending with exactly
 * one {@code done} or {@code error}. A heartbeat comment goes out on every stream silent for the
 * heartbeat interval; a stream that outlives the maximum duration is cancelled.
 */
@Component
class ChatStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);
    private static final long MAX_STREAM_NANOS = TimeUnit.MINUTES.toNanos(30);

    private record Open(Cancellation cancellation, long started) {}

    private final ChatService service;
    private final JsonMapper json;
    private final long heartbeatNanos;
    private final Map<SseChatSink, Open> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    ChatStreams(ChatService service, JsonMapper json, ChatProperties settings, MeterRegistry meters) {
        meters.gauge("ownpilot.sse.streams.open", open, Map::size);
        long heartbeatMs = settings.heartbeatMs();
        this.service = service;
        this.json = json;
        long interval = Math.max(50, heartbeatMs);
        this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(interval);
        long tick = Math.max(25, Math.min(1000, interval / 4));
        heartbeats.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    void stream(Actor actor, String messageId, ChatSetup.Setup setup, ChatRun.Client client,
            HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        Cancellation cancellation = new Cancellation();
        SseChatSink sink = new SseChatSink(response.getOutputStream(), messageId, setup.conversation().id(), json,
                cancellation);
        open.put(sink, new Open(cancellation, System.nanoTime()));
        try {
            sink.done(service.run(actor, messageId, setup, client, sink, cancellation));
        } catch (ChatFailed failed) {
            sink.error(failed.error());
        } catch (ApiException e) {
            sink.error(e);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.is(e)) {
                log.error("Chat stream without a database connection: {}", e.getMessage());
                sink.error(DatabaseUnavailable.error());
            } else {
                log.error("Chat stream failed", e);
                sink.error(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                        "An unexpected error occurred"));
            }
        } finally {
            open.remove(sink);
        }
    }

    private void tick() {
        long now = System.nanoTime();
        open.forEach((sink, o) -> {
            if (now - o.started() > MAX_STREAM_NANOS) {
                o.cancellation().cancel();
            } else {
                sink.heartbeatIfIdle(heartbeatNanos);
            }
        });
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }
}
