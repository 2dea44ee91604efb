package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import tools.jackson.databind.JsonNode;

/** Batch execution (parallel or in order) and execution streamed as server-sent events. */
@RestController
class ToolRunController {

    static final int MAX_BATCH = 100;
    static final long BATCH_DEADLINE_SECONDS = 120;

    private final ToolExecution execution;
    private final CurrentUser user;

    ToolRunController(ToolExecution execution, CurrentUser user) {
        this.execution = execution;
        this.user = user;
    }

    /**
     * {@code {"executions": [{"tool", "arguments"}], "parallel": true}}. Each item reports on its own:
     * an unknown tool or invalid arguments fail that item only.
     */
    /** One item of a batch: the result, or {@code error} when the call could not run at all. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record BatchItem(String tool, boolean success, Object result, Boolean isError, String error, long duration) {}

    record BatchResult(List<BatchItem> results, long totalDuration, long successCount, long failureCount) {}

    @PostMapping("/api/v1/tools/batch")
    BatchResult batch(@RequestBody JsonNode body) {
        JsonNode executions = body.path("executions");
        if (!executions.isArray() || executions.isEmpty() || executions.size() > MAX_BATCH) {
            throw ApiException.validation("executions", "must be an array of 1 to " + MAX_BATCH + " items");
        }
        JsonNode parallel = body.path("parallel");
        if (!parallel.isMissingNode() && !parallel.isBoolean()) {
            throw ApiException.validation("parallel", "must be true or false");
        }
        Actor caller = user.actor();
        long started = System.nanoTime();
        List<BatchItem> results = parallel.asBoolean(true)
                ? runParallel(executions, caller)
                : runInOrder(executions, caller);
        long successes = results.stream().filter(BatchItem::success).count();
        return new BatchResult(results, (System.nanoTime() - started) / 1_000_000, successes,
                results.size() - successes);
    }

    private List<BatchItem> runInOrder(JsonNode executions, Actor caller) {
        List<BatchItem> results = new ArrayList<>();
        executions.forEach(item -> results.add(runOne(item, caller)));
        return results;
    }

    private List<BatchItem> runParallel(JsonNode executions, Actor caller) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<BatchItem>> futures = new ArrayList<>();
            executions.forEach(item -> futures.add(pool.submit(() -> runOne(item, caller))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_DEADLINE_SECONDS);
            List<BatchItem> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), deadline, executions.get(i)));
            }
            return results;
        }
    }

    private static BatchItem await(Future<BatchItem> future, long deadline, JsonNode item) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failure(item.path("tool").asString(""), "Timed out after " + BATCH_DEADLINE_SECONDS + " s", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(item.path("tool").asString(""), "Interrupted", 0);
        } catch (Exception e) {
            return failure(item.path("tool").asString(""), "Failed: " + e.getClass().getSimpleName(), 0);
        }
    }

    private BatchItem runOne(JsonNode item, Actor caller) {
        String tool = item.path("tool").asString("");
        if (!item.isObject() || tool.isBlank()) {
            return failure(tool, "Each execution needs a \"tool\" name", 0);
        }
        try {
            ToolResult result = execution.execute(tool, caller, ToolRequests.arguments(item));
            return new BatchItem(tool, !result.isError(), result.result(), result.isError(), null, result.duration());
        } catch (ApiException e) {
            return failure(tool, e.getMessage(), 0);
        }
    }

    private static BatchItem failure(String tool, String error, long duration) {
        return new BatchItem(tool, false, null, null, error, duration);
    }

    /**
     * Server-sent events: {@code start {tool, arguments, timestamp}}, then {@code result {tool, result,
     * isError, duration}} and {@code complete {duration, timestamp}}; {@code error {error}} instead
     * when the run fails. An unknown tool or invalid arguments are refused before the stream opens.
     */
    @PostMapping(path = "/api/v1/tools/{name}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String name, @RequestBody(required = false) JsonNode body) {
        JsonNode arguments = ToolRequests.arguments(body);
        ArgumentValidator.validate(execution.require(user.id(), name).parameters(), arguments);
        Actor caller = user.actor();
        SseEmitter emitter = new SseEmitter(TimeUnit.SECONDS.toMillis(BATCH_DEADLINE_SECONDS));
        Thread.ofVirtual().name("tool-stream-" + name).start(() -> {
            try {
                emitter.send(SseEmitter.event().name("start").data(Map.of("tool", name, "arguments", arguments,
                        "timestamp", Instant.now().toString()), MediaType.APPLICATION_JSON));
                ToolResult result = execution.execute(name, caller, arguments);
                emitter.send(SseEmitter.event().name("result").data(result, MediaType.APPLICATION_JSON));
                emitter.send(SseEmitter.event().name("complete").data(Map.of("duration", result.duration(),
                        "timestamp", Instant.now().toString()), MediaType.APPLICATION_JSON));
                emitter.complete();
            } catch (IOException clientGone) {
                emitter.completeWithError(clientGone);
            } catch (RuntimeException e) {
                sendError(emitter, e.getMessage());
            }
        });
        return emitter;
    }

    private static void sendError(SseEmitter emitter, String message) {
        try {
            emitter.send(SseEmitter.event().name("error").data(Map.of("error", String.valueOf(message)),
                    MediaType.APPLICATION_JSON));
            emitter.complete();
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
    }
}
