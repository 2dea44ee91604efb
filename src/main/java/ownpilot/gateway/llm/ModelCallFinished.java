package ownpilot.gateway.llm;

import java.util.List;
import java.util.Map;

/**
 * Published after every model call, successful or not, with what was sent and received (previews
 * only, secrets masked): the input of the debug log and live events.
 */
public record ModelCallFinished(String userId, String provider, String model, String endpoint,
        List<Map<String, Object>> messages, int toolCount, boolean success, String finishReason, String contentPreview,
        int contentLength, List<Map<String, Object>> toolCalls, int inputTokens, int outputTokens, long durationMs,
        List<Map<String, Object>> retries, String error) {}
