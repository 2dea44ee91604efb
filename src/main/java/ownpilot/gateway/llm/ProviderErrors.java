package ownpilot.gateway.llm;

import ownpilot.gateway.models.ModelEndpoint;
import dev.langchain4j.exception.HttpException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.springframework.http.HttpStatus;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps what went wrong with a provider to the gateway's error codes, and says what may be retried. */
final class ProviderErrors {

    private static final int MAX_MESSAGE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderErrors() {}

    static ApiException cancelled() {
        return new ApiException(HttpStatus.BAD_REQUEST, "REQUEST_CANCELLED",
                "The client went away; the model call was cancelled");
    }

    static ApiException stalled(String provider, long stallMillis) {
        return new ApiException(HttpStatus.GATEWAY_TIMEOUT, "PROVIDER_TIMEOUT",
                "Provider " + provider + " sent nothing for " + stallMillis + " ms; the call was abandoned");
    }

    static ApiException map(Throwable error, ModelEndpoint endpoint, String model, String apiKey) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof HttpException http) {
                return fromStatus(http.statusCode(), scrub(http.getMessage(), apiKey), endpoint, model);
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof ConnectTimeoutException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException) {
                return new ApiException(HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR", "Cannot reach provider "
                        + endpoint.providerId() + " at " + endpoint.baseUrl() + ": " + describe(t));
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return new ApiException(HttpStatus.GATEWAY_TIMEOUT, "PROVIDER_TIMEOUT",
                        "Provider " + endpoint.providerId() + " did not start answering in time");
            }
        }
        return new ApiException(HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR", "Provider " + endpoint.providerId()
                + " failed: " + scrub(describe(rootCause(error)), apiKey));
    }

    /** 429, 5xx and network failures may succeed on another try; nothing else will. */
    static boolean retryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiException) {
                return false;
            }
            if (t instanceof HttpException http) {
                return http.statusCode() == 429 || http.statusCode() >= 500;
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static ApiException fromStatus(int status, String body, ModelEndpoint endpoint, String model) {
        String provider = endpoint.providerId();
        String detail = excerpt(body);
        if (status == 404) {
            return new ApiException(HttpStatus.NOT_FOUND, "MODEL_NOT_FOUND",
                    "Provider " + provider + " does not know model " + model + " (404): " + detail);
        }
        if (status == 401 || status == 403) {
            return new ApiException(HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR",
                    "Provider " + provider + " refused the API key (" + status + "): " + detail);
        }
        return new ApiException(HttpStatus.BAD_GATEWAY, "PROVIDER_ERROR",
                "Provider " + provider + " answered " + status + ": " + detail);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        int depth = 0;
        while (r.getCause() != null && r.getCause() != r && depth++ < 20) {
            r = r.getCause();
        }
        return r;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Removes the key from anything a provider echoes back. */
    static String scrub(String text, String apiKey) {
        if (text == null) {
            return "";
        }
        return apiKey == null || apiKey.length() < 4 ? text : text.replace(apiKey, "****");
    }

    /**
     * What of an error body is passed on: the message of a JSON error ({@code error.message},
     * {@code message} or {@code error}), flattened and cut to {@value #MAX_MESSAGE} characters. Any
     * other body (an HTML page, an internal service's answer) is described, never echoed.
     */
    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String message = null;
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode error = json.path("error");
            message = error.path("message").isString() ? error.path("message").asString()
                    : json.path("message").isString() ? json.path("message").asString()
                    : error.isString() ? error.asString() : null;
        } catch (JacksonException notJson) {
            // described below
        }
        if (message == null) {
            return "(a " + body.length() + "-character body that is not a JSON error; not shown)";
        }
        String flat = message.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE) + "…";
    }
}
