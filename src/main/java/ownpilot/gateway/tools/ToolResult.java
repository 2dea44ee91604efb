package ownpilot.gateway.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The outcome of one tool call: the result, or {@code isError} with the reason in {@code result}; for a
 * call the assistant made through {@code use_tool}, the autonomy gate's verdict.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResult(String tool, Object result, boolean isError, long duration, Map<String, Object> metadata,
        GateVerdict autonomy) {

    public ToolResult(String tool, Object result, boolean isError, long duration, Map<String, Object> metadata) {
        this(tool, result, isError, duration, metadata, null);
    }

    public ToolResult(String tool, Object result, boolean isError, long duration) {
        this(tool, result, isError, duration, null, null);
    }

    ToolResult gated(GateVerdict verdict) {
        return new ToolResult(tool, result, isError, duration, metadata, verdict);
    }
}
