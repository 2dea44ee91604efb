package ownpilot.gateway.debug;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ownpilot.gateway.shared.SecretMask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.llm.ModelCallFinished;
import ownpilot.gateway.tools.ToolExecuted;

/**
 * A bounded in-memory ring of recent model requests, responses, retries and tool runs, for
 * diagnosing provider problems. Entries are masked for secrets when recorded; when the ring is full
 * the oldest entry goes. Being a diagnostic buffer, it is deliberately not persisted.
 */
@Component
class DebugLog {

    record Entry(String type, String timestamp, String provider, String model, Object data, Long duration) {}

    private final int capacity;
    private final Deque<Owned> entries = new ArrayDeque<>();
    private volatile boolean enabled = true;

    DebugLog(DebugProperties settings) {
        int capacity = settings.capacity();
        this.capacity = Math.max(10, Math.min(capacity, 10_000));
    }

    @EventListener
    void on(ModelCallFinished call) {
        if (!enabled) {
            return;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("provider", call.provider());
        request.put("model", call.model());
        request.put("endpoint", call.endpoint());
        request.put("messages", call.messages());
        request.put("tools", call.toolCount());
        add(call.userId(), new Entry("request", now(), call.provider(), call.model(), request, null));
        for (Map<String, Object> retry : call.retries()) {
            add(call.userId(), new Entry("retry", now(), call.provider(), call.model(), retry, null));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("provider", call.provider());
        response.put("model", call.model());
        response.put("status", call.success() ? "success" : "error");
        response.put("contentPreview", call.contentPreview());
        response.put("contentLength", call.contentLength());
        response.put("toolCalls", call.toolCalls());
        response.put("finishReason", call.finishReason());
        response.put("usage", Map.of("inputTokens", call.inputTokens(), "outputTokens", call.outputTokens()));
        response.put("durationMs", call.durationMs());
        if (call.error() != null) {
            response.put("error", call.error());
        }
        add(call.userId(), new Entry(call.success() ? "response" : "error", now(), call.provider(), call.model(), response,
                call.durationMs()));
    }

    @EventListener
    void on(ToolExecuted run) {
        if (!enabled) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", run.tool());
        data.put("success", !run.isError());
        data.put("durationMs", run.durationMs());
        data.put("actor", run.actor().typeName() + ":" + run.actor().id());
        if (run.error() != null) {
            data.put("error", run.error());
        }
        add(run.actor().userId(), new Entry("tool_result", now(), null, null, data, run.durationMs()));
    }

    /** The user's newest {@code count} entries, oldest first. */
    synchronized List<Entry> recent(String userId, int count) {
        List<Entry> all = entries.stream().filter(e -> e.userId().equals(userId)).map(Owned::entry).toList();
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    synchronized int size(String userId) {
        return (int) entries.stream().filter(e -> e.userId().equals(userId)).count();
    }

    synchronized int clear(String userId) {
        int before = entries.size();
        entries.removeIf(e -> e.userId().equals(userId));
        return before - entries.size();
    }

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean on) {
        enabled = on;
    }

    private synchronized void add(String userId, Entry e) {
        if (entries.size() >= capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Owned(userId, new Entry(e.type(), e.timestamp(), e.provider(), e.model(),
                SecretMask.deep(e.data()), e.duration())));
    }

    /** An entry and the user whose call it records: each user reads only their own. */
    private record Owned(String userId, Entry entry) {}

    private static String now() {
        return Instant.now().toString();
    }
}
