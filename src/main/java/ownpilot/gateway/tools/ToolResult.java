package ownpilot.gateway.tools;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of one tool call: the result, or {@code isError} with the reason in {@code result}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResult(String tool, Object result, boolean isError, long duration) {}
