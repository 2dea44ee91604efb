package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

class HttpContractApiTest extends ApiTestBase {

    @Test
    void everySuccessCarriesTheEnvelopeAndEchoesTheRequestId() {
        Api.Response r = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tasks")).header("X-Request-Id", "trace-42"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("success").asBoolean()).isTrue();
        assertThat(r.body().path("meta").path("requestId").asString()).isEqualTo("trace-42");
        assertThat(r.body().path("meta").path("timestamp").asString()).endsWith("Z");
        assertThat(r.body().path("meta").path("processingTime").isIntegralNumber()).isTrue();
        assertThat(r.header("X-Request-Id")).isEqualTo("trace-42");
    }

    @Test
    void aMalformedRequestIdIsReplacedByAGeneratedOne() {
        Api.Response r = api.send(HttpRequest.newBuilder(api.uri("/health/live"))
                .header("X-Request-Id", "bad id\twith spaces"));
        String id = r.body().path("meta").path("requestId").asString();
        assertThat(id).isNotEqualTo("bad id\twith spaces").matches("[0-9a-f-]{36}");
        assertThat(r.header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void unknownRoutesAre404Envelopes() {
        Api.Response r = api.get("/api/v1/does-not-exist");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().path("success").asBoolean()).isFalse();
        assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(r.body().path("error").path("message").asString()).contains("/api/v1/does-not-exist");
        assertThat(r.body().path("meta").path("requestId").asString()).isNotBlank();
    }

    @Test
    void malformedJsonIs400WithoutAStackTrace() {
        Api.Response r = api.post("/api/v1/tasks", "{\"title\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("at ownpilot");
    }

    @Test
    void wrongMethodIs405AndWrongContentTypeIs415() {
        Api.Response wrongMethod = api.put("/api/v1/tasks", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("GET").contains("POST");
        Api.Response r = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tasks"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizedBodiesAre413WhetherDeclaredOrStreamed() {
        long before = rows("tasks");
        String huge = "{\"title\":\"" + "x".repeat(300_000) + "\"}";
        Api.Response declared = api.post("/api/v1/tasks", huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        // A body without Content-Length (chunked) is cut off while it is read.
        var chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(huge.getBytes()));
        Api.Response streamed = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tasks"))
                .header("Content-Type", "application/json").POST(chunked));
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(rows("tasks")).isEqualTo(before);
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        Api.Response allowed = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tasks"))
                .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");

        Api.Response refused = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tasks"))
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }
}
