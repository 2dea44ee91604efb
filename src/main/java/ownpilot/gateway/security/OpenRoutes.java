package ownpilot.gateway.security;

import ownpilot.gateway.shared.HealthProbes;

/**
 * The routes that need no credential in the auth modes: the liveness and readiness probes, and the
 * trigger and channel webhooks, which verify the sender's signature instead.
 */
final class OpenRoutes {

    static final String[] PROBES = HealthProbes.paths();
    static final String[] WEBHOOKS = {"/api/v1/triggers/*/webhook", "/api/v1/channels/*/webhook"};

    private OpenRoutes() {}

    static boolean isProbe(String uri) {
        return HealthProbes.is(uri);
    }
}
