package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

/** Cross-site requests and DNS rebinding: foreign origins cannot change state, foreign hosts get nothing. */
class BrowserOriginApiTest extends ApiTestBase {

    @Test
    void aFormPostFromAForeignSiteIsRefusedAndChangesNothing() {
        api.patch("/api/v1/autonomy/config", Map.of("blockedTools", List.of("delete_task")));
        Api.Response refused = api.send(HttpRequest.newBuilder(api.uri("/api/v1/autonomy/config/reset"))
                .header("Origin", "http://evil.example").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        Api.Response fetchMetadata = api.send(HttpRequest.newBuilder(api.uri("/api/v1/autonomy/config/reset"))
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(fetchMetadata.status()).isEqualTo(403);
        Api.Response nullOrigin = api.send(HttpRequest.newBuilder(api.uri("/api/v1/autonomy/config/reset"))
                .header("Origin", "null").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(nullOrigin.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/autonomy/config").raw().body()).contains("delete_task");
    }

    @Test
    void loopbackOriginsOnAnyPortAndTheConfiguredOnesMayWrite() {
        for (String origin : List.of("http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:8081",
                "http://localhost:5173")) {
            Api.Response ok = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tasks")).header("Origin", origin)
                    .header("Content-Type", "application/json").header("Sec-Fetch-Site", "same-site")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"from " + origin + "\"}")));
            assertThat(ok.status()).as(origin).isEqualTo(201);
            assertThat(ok.header("Access-Control-Allow-Origin")).as(origin).isEqualTo(origin);
        }
        Api.Response sameOrigin = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tasks"))
                .header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"same origin\"}")));
        assertThat(sameOrigin.status()).isEqualTo(201);
    }

    @Test
    void unknownHostNamesAreNotServedButProbesAre() throws IOException {
        assertThat(rawGet("/api/v1/tasks", "evil.example")).startsWith("HTTP/1.1 421").contains("HOST_NOT_ALLOWED");
        assertThat(rawGet("/ws", "rebound.example:" + port)).startsWith("HTTP/1.1 421");
        assertThat(rawGet("/health/live", "10.1.2.3:" + port)).startsWith("HTTP/1.1 200");
        assertThat(rawGet("/api/v1/tasks", "localhost:" + port)).startsWith("HTTP/1.1 200");
        assertThat(rawGet("/api/v1/tasks", "[::1]:" + port)).startsWith("HTTP/1.1 200");
    }

    @Test
    void theWebSocketAcceptsALocalDevServerAndRefusesForeignPages() throws Exception {
        WebSocket local = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "http://localhost:3000")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS);
        local.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "http://evil.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS)).hasRootCauseMessage("Unexpected HTTP response status code 403");
    }

    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
