package ownpilot.gateway.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS rules, but a refused cross-origin request gets a 403 error envelope, not plain text. */
class EnvelopeCorsProcessor extends DefaultCorsProcessor {

    private final EnvelopeWriter writer;

    EnvelopeCorsProcessor(EnvelopeWriter writer) {
        this.writer = writer;
    }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean accepted = super.processRequest(config, request, response);
        if (!accepted) {
            writer.writeError(request, response, HttpStatus.FORBIDDEN.value(), "FORBIDDEN",
                    "Cross-origin request from " + request.getHeader("Origin") + " is not allowed");
        }
        return accepted;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.FORBIDDEN);
    }
}
