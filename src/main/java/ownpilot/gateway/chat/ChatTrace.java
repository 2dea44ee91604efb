package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ownpilot.gateway.llm.ModelResponse;

/** What one chat run did, collected as it happens and returned as the response's {@code trace}. */
final class ChatTrace {

    private final long started = System.nanoTime();
    private final List<Map<String, Object>> toolCalls = new ArrayList<>();
    private final List<Map<String, Object>> modelCalls = new ArrayList<>();
    private final List<Map<String, Object>> autonomyChecks = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<Map<String, Object>> retries = new ArrayList<>();
    private int reads;
    private int writes;
    private Map<String, Object> request = Map.of();
    private Map<String, Object> response = Map.of();

    void read() {
        reads++;
    }

    void wrote() {
        writes++;
    }

    void request(String provider, String model, String endpoint, int messageCount, int tools) {
        request = Map.of("provider", provider, "model", model, "endpoint", endpoint, "messageCount", messageCount,
                "tools", tools);
    }

    void model(ModelResponse r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", r.provider());
        m.put("model", r.model());
        m.put("tokens", r.inputTokens() + r.outputTokens());
        m.put("inputTokens", r.inputTokens());
        m.put("outputTokens", r.outputTokens());
        m.put("duration", r.durationMs());
        m.put("attempts", r.attempts());
        m.put("cost", r.cost());
        m.put("finishReason", r.finishReason());
        modelCalls.add(m);
        events.add(Map.of("type", "model_call", "name", r.model(), "duration", r.durationMs(), "success", true));
    }

    void retry(int attempt, String error, long delayMs) {
        retries.add(Map.of("attempt", attempt, "error", error, "delayMs", delayMs));
    }

    void tool(String name, Object arguments, boolean success, long durationMs, String error, String preview) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("success", success);
        t.put("duration", durationMs);
        t.put("error", error);
        t.put("arguments", arguments);
        t.put("result", preview);
        toolCalls.add(t);
        events.add(Map.of("type", "tool_call", "name", name, "duration", durationMs, "success", success));
    }

    void autonomy(String tool, boolean approved, String reason) {
        autonomyChecks.add(Map.of("tool", tool, "approved", approved, "reason", reason == null ? "" : reason));
    }

    void error(String message) {
        errors.add(message);
    }

    void response(String status, int contentLength, String finishReason) {
        response = Map.of("status", status, "contentLength", contentLength, "finishReason", finishReason);
    }

    int toolCallCount() {
        return toolCalls.size();
    }

    long durationMs() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("duration", durationMs());
        out.put("toolCalls", toolCalls);
        out.put("modelCalls", modelCalls);
        out.put("autonomyChecks", autonomyChecks);
        out.put("dbOperations", Map.of("reads", reads, "writes", writes));
        out.put("memoryOps", Map.of("adds", 0, "recalls", 0));
        out.put("triggersFired", List.of());
        out.put("errors", errors);
        out.put("events", events);
        out.put("request", request);
        out.put("response", response);
        out.put("retries", retries);
        return out;
    }
}
