package ownpilot.gateway.chat;

/** Published after every chat run, answered or failed. */
public record ChatCompleted(String userId, String conversationId, String messageId, String provider, String model,
        String finishReason, int inputTokens, int outputTokens, int toolCalls, long durationMs, boolean streamed,
        String error) {}
