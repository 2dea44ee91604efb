package ownpilot.gateway.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class LocalProvidersApiTest extends ApiTestBase {

    private HttpServer server;
    private final String name = "Local " + UUID.randomUUID().toString().substring(0, 8);

    /** One loopback server: Ollama's /api/tags, and an OpenAI-style /v1/models that wants a bearer key. */
    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/tags", ex -> respond(ex, 200,
                "{\"models\":[{\"name\":\"llama3.1:8b\",\"size\":1},{\"name\":\"qwen2.5-coder:7b\"}]}"));
        server.createContext("/v1/models", ex -> {
            boolean authorized = "Bearer local-secret-key-123456".equals(ex.getRequestHeaders().getFirst("Authorization"));
            respond(ex, authorized ? 200 : 401, authorized
                    ? "{\"object\":\"list\",\"data\":[{\"id\":\"org/mistral-7b-instruct\"}]}" : "{}");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void templatesAreTheFiveKnownServers() {
        assertThat(api.get("/api/v1/local-providers/templates").data().findValuesAsString("id"))
                .containsExactly("lmstudio", "ollama", "localai", "vllm", "custom");
    }

    @Test
    void ollamaDiscoveryAddsModelsOnceAndShowsInSettings() {
        Api.Response created = api.post("/api/v1/local-providers", Map.of("name", name, "providerType", "ollama",
                "baseUrl", base() + "/"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.data().path("id").asString();
        assertThat(created.data().path("baseUrl").asString()).isEqualTo(base());

        Api.Response first = api.post("/api/v1/local-providers/" + id + "/discover", "");
        assertThat(first.data().path("sourceUrl").asString()).isEqualTo(base() + "/api/tags");
        assertThat(first.data().path("newModels").asInt()).isEqualTo(2);
        JsonNode llama = first.data().path("models").valueStream()
                .filter(m -> m.path("modelId").asString().equals("llama3.1:8b")).findFirst().orElseThrow();
        assertThat(llama.path("displayName").asString()).isEqualTo("Llama3.1 8b");
        assertThat(llama.path("capabilities").toString()).contains("chat", "streaming");
        assertThat(api.post("/api/v1/local-providers/" + id + "/discover", "").data().path("existingModels").asInt())
                .isEqualTo(2);

        assertThat(api.get("/api/v1/settings").data().path("localProviders").findValuesAsString("id")).contains(id);
        assertThat(api.get("/api/v1/settings").data().path("configuredProviders").toString()).contains(id);
        JsonNode models = api.get("/api/v1/models").data();
        JsonNode local = models.path("models").valueStream().filter(m -> m.path("provider").asString().equals(id)
                && m.path("id").asString().equals("llama3.1:8b")).findFirst().orElseThrow();
        assertThat(local.path("contextWindow").isNumber()).isTrue();
        assertThat(local.path("inputPrice").isNumber()).isTrue();
        assertThat(local.path("capabilities").isArray()).isTrue();
        assertThat(models.path("configuredProviders").toString()).as("the chat menu shows it").contains(id);
        api.patch("/api/v1/local-providers/" + id + "/toggle", Map.of("enabled", false));
        assertThat(api.get("/api/v1/settings").data().path("localProviders").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/models").data().path("models").toString()).doesNotContain(id);

        assertThat(api.patch("/api/v1/local-providers/" + id + "/models/llama3.1:8b/toggle", Map.of("enabled", false))
                .data().path("isEnabled").asBoolean()).isFalse();
        assertThat(api.delete("/api/v1/local-providers/" + id + "/models/llama3.1:8b").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/local-providers/" + id + "/models").data()).hasSize(1);
        assertThat(api.delete("/api/v1/local-providers/" + id).status()).isEqualTo(200);
        assertThat(rows("local_models")).as("models go with their provider").isZero();
    }

    @Test
    void openAiCompatibleDiscoveryUsesTheEncryptedKey() {
        String key = "local-secret-key-123456";
        Api.Response created = api.post("/api/v1/local-providers", Map.of("name", name, "providerType", "vllm",
                "baseUrl", base() + "/v1", "apiKey", key));
        String id = created.data().path("id").asString();
        assertThat(created.data().path("hasApiKey").asBoolean()).isTrue();
        assertThat(created.data().path("apiKeyHint").asString()).isEqualTo("loca…3456");
        assertThat(created.raw().body()).doesNotContain(key);
        assertThat(jdbc.sql("SELECT api_key FROM local_providers WHERE id = :id").param("id", id)
                .query(String.class).single()).startsWith("v1:").doesNotContain(key);

        Api.Response found = api.post("/api/v1/local-providers/" + id + "/discover", "");
        assertThat(found.data().path("sourceUrl").asString()).isEqualTo(base() + "/v1/models");
        assertThat(found.data().path("models").findValuesAsString("modelId")).containsExactly("org/mistral-7b-instruct");

        api.put("/api/v1/local-providers/" + id, Map.of("apiKey", "wrong-key-0000000000"));
        Api.Response refused = api.post("/api/v1/local-providers/" + id + "/discover", "");
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.errorCode()).isEqualTo("DISCOVERY_FAILED");
        api.delete("/api/v1/local-providers/" + id);
    }

    @Test
    void manualModelsAndUnreachableServers() {
        String id = api.post("/api/v1/local-providers", Map.of("name", name, "providerType", "custom",
                "baseUrl", "http://127.0.0.1:9")).data().path("id").asString();
        assertThat(api.post("/api/v1/local-providers/" + id + "/discover", "").errorCode()).isEqualTo("DISCOVERY_FAILED");
        Api.Response added = api.post("/api/v1/local-providers/" + id + "/models",
                Map.of("modelId", "my-model", "contextWindow", 8192));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.data().path("contextWindow").asInt()).isEqualTo(8192);
        assertThat(api.post("/api/v1/local-providers/" + id + "/models", Map.of("modelId", "my-model")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/local-providers", Map.of("name", name + " meta", "providerType", "custom",
                "baseUrl", "http://169.254.169.254")).status()).as("cloud metadata addresses are refused").isEqualTo(400);
        api.delete("/api/v1/local-providers/" + id);
    }

    @Test
    void badInputIsRefused() {
        long before = rows("local_providers");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("name", name, "providerType", "skynet", "baseUrl", base()),
                Map.of("name", name, "providerType", "ollama", "baseUrl", "file:///etc"),
                Map.of("name", name, "providerType", "ollama"),
                Map.of("name", name, "providerType", "ollama", "baseUrl", base(), "extra", 1),
                Map.of("name", name, "providerType", "ollama", "baseUrl", base(), "discoveryEndpoint", "../x"))) {
            assertThat(api.post("/api/v1/local-providers", bad).status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(rows("local_providers")).isEqualTo(before);
        String id = api.post("/api/v1/local-providers", Map.of("name", name, "providerType", "ollama",
                "baseUrl", base())).data().path("id").asString();
        assertThat(api.post("/api/v1/local-providers", Map.of("name", name, "providerType", "ollama",
                "baseUrl", base())).status()).isEqualTo(409);
        assertThat(api.put("/api/v1/local-providers/" + id, Map.of("providerType", "vllm")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/local-providers/local_missing").status()).isEqualTo(404);
        api.delete("/api/v1/local-providers/" + id);
    }
}
