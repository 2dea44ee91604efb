package ownpilot.gateway.shared;

import java.util.Set;

/**
 * The liveness and readiness probe paths: open in every auth mode, served for any host name, and
 * the only routes of the probe port.
 */
public final class HealthProbes {

    private static final Set<String> PATHS = Set.of("/health/live", "/health/ready", "/api/v1/health/live",
            "/api/v1/health/ready");

    private HealthProbes() {}

    public static String[] paths() {
        return PATHS.toArray(String[]::new);
    }

    public static boolean is(String uri) {
        return PATHS.contains(uri);
    }
}
