package ownpilot.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers prove who they are ({@code OWNPILOT_AUTH}) and how often they may call.
 *
 * @param mode {@code none} (one user, {@code default}; loopback only), {@code api-key} or {@code jwt}
 * @param apiKeys comma-separated {@code <user id>:<sha256 hex of the key>}
 * @param jwtSecret the HS256 secret, at least 32 bytes
 * @param jwtClockSkewSeconds how far {@code exp} and {@code nbf} may be off
 * @param rateLimit requests per minute per user and per client address; on by default in the auth modes
 */
@ConfigurationProperties("ownpilot.auth")
record AuthProperties(Mode mode, String apiKeys, String jwtSecret, int jwtClockSkewSeconds, RateLimit rateLimit) {

    enum Mode { NONE, API_KEY, JWT }

    /** {@code enabled} null means: on in the auth modes, off in {@code none}. */
    record RateLimit(Boolean enabled, int perUserPerMinute, int perAddressPerMinute) {}

    AuthProperties {
        mode = mode == null ? Mode.NONE : mode;
        rateLimit = rateLimit == null ? new RateLimit(null, 600, 1200) : rateLimit;
        jwtClockSkewSeconds = Math.clamp(jwtClockSkewSeconds, 0, 300);
    }

    boolean rateLimited() {
        return rateLimit.enabled() != null ? rateLimit.enabled() : mode != Mode.NONE;
    }
}
