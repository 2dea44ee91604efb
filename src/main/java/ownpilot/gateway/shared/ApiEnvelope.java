package ownpilot.gateway.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one response shape of every route: {@code {success, data | error, meta}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiEnvelope(boolean success, Object data, ApiError error, Meta meta) {

    public record Meta(String requestId, String timestamp, long processingTime) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(String code, String message, Object details) {}

    public static ApiEnvelope ok(Object data, Meta meta) {
        return new ApiEnvelope(true, data, null, meta);
    }

    public static ApiEnvelope failure(String code, String message, Object details, Meta meta) {
        return new ApiEnvelope(false, null, new ApiError(code, message, details), meta);
    }
}
