package ownpilot.gateway.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The outcome of one tool call: the result, or {@code isError} with the reason in {@code result}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResult(String tool, Object result, boolean isError, long duration, Map<String, Object> metadata) {

    public ToolResult(String tool, Object result, boolean isError, long duration) {
        this(tool, result, isError, duration, null);
    }
}
