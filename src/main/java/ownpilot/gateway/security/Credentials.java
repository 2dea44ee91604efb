package ownpilot.gateway.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request carries its credential: {@code Authorization: Bearer <credential>}, or
 * {@code X-API-Key}, or (for the WebSocket handshake only, which browsers cannot give headers)
 * {@code ?token=}. A query credential ends up in access logs, so no other route accepts one.
 */
final class Credentials {

    static final String WS_PATH = "/ws";
    private static final String BEARER = "bearer ";

    private Credentials() {}

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.length() > BEARER.length()
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).trim();
        }
        return WS_PATH.equals(request.getRequestURI()) ? blankToNull(request.getParameter("token")) : null;
    }

    static String apiKey(HttpServletRequest request) {
        String header = blankToNull(request.getHeader("X-API-Key"));
        return header != null ? header.trim() : bearer(request);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
