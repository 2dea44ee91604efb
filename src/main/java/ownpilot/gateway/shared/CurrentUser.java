package ownpilot.gateway.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who the current HTTP request acts for: the {@link Actor} the security layer made from its
 * credential (user {@code default} in auth mode {@code none}), with the request id as correlation id.
 * Only controllers use it, at the edge; everything below them receives the actor explicitly, and code
 * off the request thread (jobs, listeners, virtual threads) gets the actor it was handed.
 */
@Component
public class CurrentUser {

    public static final String DEFAULT_USER = "default";

    /** The request attribute under which the security layer leaves the authenticated actor. */
    public static final String ACTOR_ATTRIBUTE = CurrentUser.class.getName() + ".actor";

    public Actor actor() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                && attrs.getRequest().getAttribute(ACTOR_ATTRIBUTE) instanceof Actor actor) {
            return actor;
        }
        throw new IllegalStateException("No authenticated actor: CurrentUser is for request handling only");
    }

    public String id() {
        return actor().userId();
    }

    /** For the security layer: the actor of an authenticated request. */
    public static void bind(HttpServletRequest request, String userId) {
        request.setAttribute(ACTOR_ATTRIBUTE, Actor.user(userId, RequestContext.requestId(request)));
    }
}
