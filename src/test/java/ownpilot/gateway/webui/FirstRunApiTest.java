package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

/** {@code GET /} explains the gateway, with links to the address it was reached at. */
class FirstRunApiTest extends ApiTestBase {

    @Test
    void theRootAnswersAPageForBrowsersAndTheEnvelopeForEveryoneElse() {
        Api.Response json = api.get("/");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.data().path("name").asString()).isEqualTo("OwnPilot Gateway");
        assertThat(json.data().path("version").asString()).isNotBlank();
        assertThat(json.data().path("links").path("health").asString()).isEqualTo("http://127.0.0.1:" + port
                + "/health");
        assertThat(json.data().path("links").path("apiDocument").asString()).endsWith("/v3/api-docs");
        assertThat(json.data().path("links").path("metrics").asString()).endsWith("/actuator/prometheus");
        assertThat(json.raw().body()).doesNotContain("localhost:8080");

        Api.Response html = api.send(HttpRequest.newBuilder(api.uri("/")).header("Accept", "text/html").GET());
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.raw().body()).contains("<h1>OwnPilot Gateway</h1>", "http://127.0.0.1:" + port + "/health");
    }
}
