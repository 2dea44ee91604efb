package ownpilot.gateway.costs;

import ownpilot.gateway.shared.Actor;

/**
 * One model call to record. {@code error} is null for a successful call; tokens are what the
 * provider reported (0 when the call failed before any were counted); the actor is who made the call.
 */
public record Usage(Actor actor, String provider, String model, String conversationId, String requestType,
        int inputTokens, int outputTokens, long latencyMs, String error) {

    public String userId() {
        return actor.userId();
    }
}
