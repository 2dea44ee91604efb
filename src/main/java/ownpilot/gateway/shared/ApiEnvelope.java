package ownpilot.gateway.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one response shape of every route: {@code {success, data | error, meta}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiEnvelope(boolean success, Object data, ApiError error, Object stats, Meta meta) {

    /**
     * Data whose figures the web UI reads beside {@code data}, at the top level ({@code stats} of the
     * model-catalog sync); the envelope copies them there.
     */
    public interface WithTopLevelStats {
        Object stats();
    }

    public record Meta(String requestId, String timestamp, long processingTime) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(String code, String message, Object details) {}

    /** The failure shape of {@link ErrorAsText} routes for a browser: {@code error} is the message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextFailure(boolean success, String error, String code, Object details, Meta meta) {}

    public static ApiEnvelope ok(Object data, Meta meta) {
        return new ApiEnvelope(true, data, null, data instanceof WithTopLevelStats s ? s.stats() : null, meta);
    }

    public static ApiEnvelope failure(String code, String message, Object details, Meta meta) {
        return new ApiEnvelope(false, null, new ApiError(code, message, details), null, meta);
    }
}
