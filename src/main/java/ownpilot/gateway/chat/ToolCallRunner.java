package ownpilot.gateway.chat;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import ownpilot.gateway.llm.ModelToolCall;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.tools.GateVerdict;
import ownpilot.gateway.tools.ToolExecution;
import ownpilot.gateway.tools.ToolResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one tool call the model asked for. The model reaches tools only through the meta-tools (and a
 * request's {@code directTools}, which are run as {@code use_tool} would run them), so every real tool
 * passes the autonomy gate. Reports progress and the gate's verdict to the sink and the trace.
 */
@Component
class ToolCallRunner {

    static final List<String> META_TOOLS = List.of("search_tools", "get_tool_help", "use_tool");
    private static final int MAX_RESULT_CHARS = 64 * 1024;
    private static final int PREVIEW = 500;

    /** What the model gets back, and whether it is an error. */
    record Outcome(String content, boolean isError) {}

    private final ToolExecution tools;
    /** Tools that store a memory: each successful run counts in the trace's {@code memoryOps.adds}. */
    static final java.util.Set<String> MEMORY_WRITES = java.util.Set.of("remember");

    private final JsonMapper json;

    ToolCallRunner(ToolExecution tools, JsonMapper json) {
        this.tools = tools;
        this.json = json;
    }

    Outcome run(ChatRun run, ModelToolCall call) {
        JsonNode args;
        try {
            args = call.arguments() == null || call.arguments().isBlank() ? json.createObjectNode()
                    : json.readTree(call.arguments());
        } catch (JacksonException e) {
            args = null;
        }
        boolean useTool = call.name().equals("use_tool") && args != null;
        String shownName = useTool ? args.path("tool_name").asString(call.name()) : call.name();
        Object shownArgs = useTool ? args.get("arguments") : args;
        run.sink().progress(ChatEvents.ToolStarted.of(new ChatEvents.ToolRef(id(call), shownName,
                shownArgs == null ? json.createObjectNode() : shownArgs)));
        long started = System.nanoTime();
        ToolResult result = args == null || !args.isObject()
                ? error(call.name(), "Invalid JSON arguments: expected a JSON object")
                : execute(run, call.name(), (ObjectNode) args);
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        reportAutonomy(run, call, shownName, result);
        String content = content(result);
        String preview = content.length() <= PREVIEW ? content : content.substring(0, PREVIEW) + "…";
        run.sink().progress(ChatEvents.ToolEnded.of(new ChatEvents.ToolRef(id(call), shownName, null),
                new ChatEvents.ToolOutcome(!result.isError(), preview, durationMs)));
        run.trace().tool(shownName, shownArgs, !result.isError(), durationMs, result.isError() ? content : null,
                preview);
        if (!result.isError() && (result.autonomy() == null || result.autonomy().runs())
                && MEMORY_WRITES.contains(shownName)) {
            run.trace().memoryAdded();
        }
        return new Outcome(content, result.isError());
    }

    private ToolResult execute(ChatRun run, String name, ObjectNode args) {
        Actor caller = run.toolCaller();
        try {
            if (META_TOOLS.contains(name)) {
                return tools.execute(name, caller, args);
            }
            if (run.directTools().contains(name)) {
                ObjectNode wrapped = json.createObjectNode().put("tool_name", name);
                wrapped.set("arguments", args);
                return tools.execute("use_tool", caller, wrapped);
            }
            return error(name, "Unknown tool: " + name
                    + ". Find tools with search_tools and run them with use_tool.");
        } catch (ApiException e) {
            return error(name, e.getMessage());
        }
    }

    private void reportAutonomy(ChatRun run, ModelToolCall call, String shownName, ToolResult result) {
        GateVerdict verdict = result.autonomy();
        if (verdict == null) {
            return;
        }
        run.trace().autonomy(shownName, verdict.runs(), verdict.reason());
        if (verdict.runs()) {
            return;
        }
        run.sink().autonomy(new ChatEvents.Autonomy(
                verdict.decision() == GateVerdict.Decision.blocked ? "tool_blocked" : "approval_required",
                new ChatEvents.ToolRef(id(call), shownName, null), verdict.reason(), verdict.approvalId(),
                Instant.now().toString()));
    }

    private String content(ToolResult result) {
        Object value = result.result();
        String text = value instanceof String s ? s : json.writeValueAsString(value);
        if (result.isError()) {
            text = "Error: " + text;
        }
        return text.length() <= MAX_RESULT_CHARS ? text
                : text.substring(0, MAX_RESULT_CHARS) + "… (result truncated at " + MAX_RESULT_CHARS + " characters)";
    }

    private static ToolResult error(String name, String message) {
        return new ToolResult(name, message, true, 0);
    }

    private static String id(ModelToolCall call) {
        return call.id() == null ? "" : call.id();
    }

}
