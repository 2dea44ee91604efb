package ownpilot.gateway.realtime;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.CurrentUser;

/**
 * Ties a live-event connection to the user its handshake authenticated as (the security layer has
 * checked the credential by then), so that it only ever receives that user's events.
 */
final class UserHandshake implements HandshakeInterceptor {

    static final String USER_ATTRIBUTE = "ownpilot.userId";

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(CurrentUser.ACTOR_ATTRIBUTE) instanceof Actor actor) {
            attributes.put(USER_ATTRIBUTE, actor.userId());
            return true;
        }
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {}
}
