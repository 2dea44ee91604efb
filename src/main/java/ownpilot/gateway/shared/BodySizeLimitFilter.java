package ownpilot.gateway.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code ownpilot.http.max-body-bytes} with 413: at once when the
 * declared length is too big, and while reading when a chunked body grows past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final EnvelopeWriter writer;

    BodySizeLimitFilter(@Value("${ownpilot.http.max-body-bytes:1048576}") long maxBytes, EnvelopeWriter writer) {
        this.maxBytes = maxBytes;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            writer.writeError(request, response, 413, "PAYLOAD_TOO_LARGE", tooLargeMessage());
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    private String tooLargeMessage() {
        return "Request body exceeds the limit of " + maxBytes + " bytes";
    }

    /** Raised while reading a body that grew past the limit; mapped to 413. */
    static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(String message) {
            super(message);
        }
    }

    private final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream());
            }
            return limited;
        }
    }

    private final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws PayloadTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw new PayloadTooLargeException(tooLargeMessage());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
