package ownpilot.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import ownpilot.gateway.shared.EnvelopeWriter;

/** 401 {@code UNAUTHORIZED} as the error envelope, saying what credential the gateway expects. */
final class EnvelopeAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final EnvelopeWriter writer;
    private final String expected;

    /** {@code expected}: how this auth mode wants the credential, for the message. */
    EnvelopeAuthenticationEntryPoint(EnvelopeWriter writer, String expected) {
        this.writer = writer;
        this.expected = expected;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean presented = request.getHeader("Authorization") != null || request.getHeader("X-API-Key") != null
                || request.getParameter("token") != null;
        response.setHeader("WWW-Authenticate", presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        writer.writeError(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", presented
                ? "The credential is invalid or expired"
                : "Authentication required: send " + expected);
    }
}
