package ownpilot.gateway.llm;

import java.util.List;

/**
 * What a model answered: text, tool calls, why it stopped ({@code stop}, {@code length},
 * {@code tool_calls}, {@code content_filter}), the tokens it reported, the call's wall time and how
 * many attempts it took (retries happen only before the first streamed token).
 */
public record ModelResponse(String provider, String model, String text, List<ModelToolCall> toolCalls,
        String finishReason, int inputTokens, int outputTokens, long durationMs, int attempts, double cost) {

    public ModelResponse {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
