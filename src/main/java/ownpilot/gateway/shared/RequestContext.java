package ownpilot.gateway.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Per-request facts set by {@link RequestIdFilter}: the request id and when the request arrived. */
public final class RequestContext {

    static final String REQUEST_ID = RequestContext.class.getName() + ".id";
    static final String STARTED_NANOS = RequestContext.class.getName() + ".started";

    private RequestContext() {}

    /** The id {@link RequestIdFilter} gave the request. */
    public static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ID);
        return id == null ? "none" : id.toString();
    }

    public static ApiEnvelope.Meta meta(HttpServletRequest request) {
        Object started = request.getAttribute(STARTED_NANOS);
        long elapsedMs = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : 0;
        return new ApiEnvelope.Meta(
                requestId(request),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                elapsedMs);
    }
}
