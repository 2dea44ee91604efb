package ownpilot.gateway.costs;

/**
 * One model call to record. {@code error} is null for a successful call; tokens are what the
 * provider reported (0 when the call failed before any were counted).
 */
public record Usage(String userId, String provider, String model, String conversationId, String requestType,
        int inputTokens, int outputTokens, long latencyMs, String error) {}
