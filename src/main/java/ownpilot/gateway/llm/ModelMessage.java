package ownpilot.gateway.llm;

import java.util.List;

/**
 * One message of a model conversation. {@code role} is {@code system}, {@code user}, {@code assistant}
 * or {@code tool}; an assistant message may carry tool calls, a tool message answers one of them.
 */
public record ModelMessage(String role, String content, List<ModelToolCall> toolCalls, String toolCallId,
        String toolName) {

    public ModelMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ModelMessage system(String content) {
        return new ModelMessage("system", content, null, null, null);
    }

    public static ModelMessage user(String content) {
        return new ModelMessage("user", content, null, null, null);
    }

    public static ModelMessage assistant(String content, List<ModelToolCall> toolCalls) {
        return new ModelMessage("assistant", content, toolCalls, null, null);
    }

    public static ModelMessage tool(String toolCallId, String toolName, String content) {
        return new ModelMessage("tool", content, null, toolCallId, toolName);
    }
}
