package ownpilot.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the gateway under test: real sockets, real serialization. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final java.util.Map<String, String> headers;

    public Api(int port) {
        this("http://127.0.0.1:" + port, java.util.Map.of());
    }

    private Api(String base, java.util.Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same client sending this header on every request too (e.g. a credential). */
    public Api with(String header, String value) {
        var more = new java.util.LinkedHashMap<>(headers);
        more.put(header, value);
        return new Api(base, java.util.Map.copyOf(more));
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public JsonNode data() {
            return body.path("data");
        }

        public String errorCode() {
            return body.path("error").path("code").asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response post(String path, Object body) {
        return send(json(path, body).POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Response patch(String path, Object body) {
        return send(json(path, body).method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Response put(String path, Object body) {
        return send(json(path, body).PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    /** Sends a raw request, e.g. with custom headers or a body that is not JSON. */
    public Response send(HttpRequest.Builder request) {
        try {
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = text == null || text.isBlank() || !json ? JSON.missingNode() : JSON.readTree(text);
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private HttpRequest.Builder json(String path, Object body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
    }

    private static String text(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }
}
