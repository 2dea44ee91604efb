package ownpilot.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import ownpilot.gateway.shared.EnvelopeWriter;

/** 403 {@code FORBIDDEN} as the error envelope. */
final class EnvelopeAccessDeniedHandler implements AccessDeniedHandler {

    private final EnvelopeWriter writer;

    EnvelopeAccessDeniedHandler(EnvelopeWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        writer.writeError(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
                "This credential may not do that");
    }
}
