package ownpilot.gateway.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards what a request carries before anything acts on it. Bodies over
 * {@code ownpilot.http.max-body-bytes} get 413: at once when the declared length is too big, and
 * while reading when a chunked body grows past the limit. The NUL character, which PostgreSQL cannot
 * store in text, gets 400 {@code VALIDATION_ERROR}: in the query string, and in JSON bodies (the
 * {@code \u0000} escape, found while the body streams in), so nothing is done, billed or stored
 * for such a request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodyGuardFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final EnvelopeWriter writer;

    BodyGuardFilter(KernelProperties settings, EnvelopeWriter writer) {
        this.maxBytes = settings.http().maxBodyBytes();
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            writer.writeError(request, response, 413, "PAYLOAD_TOO_LARGE", tooLargeMessage());
            return;
        }
        String query = request.getQueryString();
        if (query != null && query.contains("%00")) {
            writer.writeError(request, response, 400, "VALIDATION_ERROR", NulCharacterException.MESSAGE);
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

    /** Raised while reading a JSON body that contains the NUL character; mapped to 400. */
    static final class NulCharacterException extends IOException {
        static final String MESSAGE = "Text must not contain the NUL character (\\u0000)";

        NulCharacterException() {
            super(MESSAGE);
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
                String type = getContentType();
                limited = new LimitedStream(super.getInputStream(), type == null || type.contains("json"));
            }
            return limited;
        }
    }

    private final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final NulScanner nul;
        private long count;

        LimitedStream(ServletInputStream in, boolean json) {
            this.in = in;
            this.nul = json ? new NulScanner() : null;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
                scan(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                add(n);
                for (int i = off; i < off + n; i++) {
                    scan(buf[i]);
                }
            }
            return n;
        }

        private void scan(int b) throws NulCharacterException {
            if (nul != null && nul.foundAfter(b & 0xFF)) {
                throw new NulCharacterException();
            }
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
