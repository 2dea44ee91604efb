package ownpilot.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import ownpilot.gateway.shared.EnvelopeWriter;

/** The 429 {@code RATE_LIMITED} envelope with {@code Retry-After}. */
final class RateLimitResponder {

    private final EnvelopeWriter writer;

    RateLimitResponder(EnvelopeWriter writer) {
        this.writer = writer;
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, long seconds, String who)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        writer.writeError(request, response, 429, "RATE_LIMITED",
                "Too many requests from " + who + "; retry in " + seconds + " s");
    }
}
