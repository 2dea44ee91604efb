package ownpilot.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import ownpilot.gateway.llm.ModelResponse;

/** What one chat run did, collected as it happens and returned as the response's {@code trace}. */
final class ChatTrace {

    record ToolCallTrace(String name, boolean success, long duration, String error, Object arguments, String result) {}

    record ModelCallTrace(String provider, String model, int tokens, int inputTokens, int outputTokens, long duration,
            int attempts, double cost, String finishReason) {}

    record AutonomyCheck(String tool, boolean approved, String reason) {}

    record TraceEvent(String type, String name, long duration, boolean success) {}

    record Retry(int attempt, String error, long delayMs) {}

    record DbOperations(int reads, int writes) {}

    /** Memories the turn recalled into its prompt and those the model remembered through its tools. */
    record MemoryOps(int adds, int recalls, List<String> recalled) {}

    /** The last model request of the turn; {@code tools} names the tools it offered (the UI lists them). */
    record RequestInfo(String provider, String model, String endpoint, int messageCount, List<String> tools) {}

    record ResponseInfo(String status, int contentLength, String finishReason) {}

    /**
     * The trace of a turn. Every list is present, empty or not: the web UI reads them without a guard
     * ({@code triggersFired} stays empty, as triggers do not fire inside a chat turn).
     */
    public record Trace(long duration, List<ToolCallTrace> toolCalls, List<ModelCallTrace> modelCalls,
            List<AutonomyCheck> autonomyChecks, DbOperations dbOperations, MemoryOps memoryOps,
            List<String> triggersFired, List<String> errors, List<TraceEvent> events, RequestInfo request,
            ResponseInfo response, List<Retry> retries) {}

    private final long started = System.nanoTime();
    private final List<ToolCallTrace> toolCalls = new ArrayList<>();
    private final List<ModelCallTrace> modelCalls = new ArrayList<>();
    private final List<AutonomyCheck> autonomyChecks = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<TraceEvent> events = new ArrayList<>();
    private final List<Retry> retries = new ArrayList<>();
    private final List<String> recalled = new ArrayList<>();
    private int reads;
    private int writes;
    private int memoryAdds;
    private RequestInfo request;
    private ResponseInfo response;

    void read() {
        reads++;
    }

    void wrote() {
        writes++;
    }

    void request(String provider, String model, String endpoint, int messageCount, List<String> tools) {
        request = new RequestInfo(provider, model, endpoint, messageCount, tools);
    }

    void model(ModelResponse r) {
        modelCalls.add(new ModelCallTrace(r.provider(), r.model(), r.inputTokens() + r.outputTokens(), r.inputTokens(),
                r.outputTokens(), r.durationMs(), r.attempts(), r.cost(), r.finishReason()));
        events.add(new TraceEvent("model_call", r.model(), r.durationMs(), true));
    }

    void recalled(List<String> memoryIds) {
        recalled.addAll(memoryIds);
    }

    void memoryAdded() {
        memoryAdds++;
    }

    void retry(int attempt, String error, long delayMs) {
        retries.add(new Retry(attempt, error, delayMs));
    }

    void tool(String name, Object arguments, boolean success, long durationMs, String error, String preview) {
        toolCalls.add(new ToolCallTrace(name, success, durationMs, error, arguments, preview));
        events.add(new TraceEvent("tool_call", name, durationMs, success));
    }

    void autonomy(String tool, boolean approved, String reason) {
        autonomyChecks.add(new AutonomyCheck(tool, approved, reason == null ? "" : reason));
    }

    void error(String message) {
        errors.add(message == null ? "Unknown error" : message);
    }

    void response(String status, int contentLength, String finishReason) {
        response = new ResponseInfo(status, contentLength, finishReason);
    }

    int toolCallCount() {
        return toolCalls.size();
    }

    long durationMs() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    Trace snapshot() {
        return new Trace(durationMs(), List.copyOf(toolCalls), List.copyOf(modelCalls), List.copyOf(autonomyChecks),
                new DbOperations(reads, writes), new MemoryOps(memoryAdds, recalled.size(), List.copyOf(recalled)), List.of(), List.copyOf(errors),
                List.copyOf(events), request, response, List.copyOf(retries));
    }
}
