package ownpilot.gateway.security;

import java.util.Set;

/**
 * The routes that need no credential in the auth modes: the liveness and readiness probes, and the
 * trigger and channel webhooks, which verify the sender's signature instead.
 */
final class OpenRoutes {

    static final String[] PROBES = {"/health/live", "/health/ready", "/api/v1/health/live", "/api/v1/health/ready"};
    static final String[] WEBHOOKS = {"/api/v1/triggers/*/webhook", "/api/v1/channels/*/webhook"};
    private static final Set<String> PROBE_SET = Set.of(PROBES);

    private OpenRoutes() {}

    static boolean isProbe(String uri) {
        return PROBE_SET.contains(uri);
    }
}
