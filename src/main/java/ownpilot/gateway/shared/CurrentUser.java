package ownpilot.gateway.shared;

import org.springframework.stereotype.Component;

/**
 * Who the request acts for. Single-user mode today: always {@code "default"}; the auth modes of the
 * security module will resolve it from the authenticated principal without changing any caller.
 */
@Component
public class CurrentUser {

    public static final String DEFAULT_USER = "default";

    public String id() {
        return DEFAULT_USER;
    }
}
