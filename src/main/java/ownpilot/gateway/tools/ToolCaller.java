package ownpilot.gateway.tools;

/**
 * Who runs a tool and on behalf of which request: the user whose data it touches, the actor
 * ({@code user}, {@code agent}, {@code system}) and the correlation id (the HTTP request id).
 */
public record ToolCaller(String userId, String actorType, String actorId, String correlationId) {

    public static ToolCaller user(String userId, String correlationId) {
        return new ToolCaller(userId, "user", userId, correlationId);
    }
}
