package ownpilot.gateway.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Per-request facts set by {@link RequestIdFilter}: the request id and when the request arrived. */
public final class RequestContext {

    static final String REQUEST_ID = RequestContext.class.getName() + ".id";
    static final String STARTED_NANOS = RequestContext.class.getName() + ".started";

    private RequestContext() {}

    public static String requestId() {
        return current().map(r -> (String) r.getAttribute(REQUEST_ID)).orElse("none");
    }

    public static ApiEnvelope.Meta meta(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ID);
        Object started = request.getAttribute(STARTED_NANOS);
        long elapsedMs = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : 0;
        return new ApiEnvelope.Meta(
                id == null ? "none" : id.toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                elapsedMs);
    }

    private static Optional<HttpServletRequest> current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? Optional.of(attrs.getRequest())
                : Optional.empty();
    }
}
