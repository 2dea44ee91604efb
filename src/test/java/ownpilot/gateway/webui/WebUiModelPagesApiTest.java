package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.JsonServer;
import tools.jackson.databind.JsonNode;

/**
 * The Models, AI Models, Providers and API Keys pages (web-ui-client.md §3.6–3.9): the fields each
 * reads without a guard, the calls it sends without a body, and errors on the five AI Models calls
 * whose {@code error} it renders as text.
 */
class WebUiModelPagesApiTest extends ApiTestBase {

    private JsonServer ollama;

    @BeforeEach
    void startOllama() {
        ollama = JsonServer.start().route("/api/tags", 200, "{\"models\":[{\"name\":\"llama3.1:8b\"}]}");
    }

    @AfterEach
    void stopOllama() {
        ollama.close();
    }

    @Test
    void theModelsPageGetsArraysAndNumericPrices() {
        api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", "sk-models-page-0123456789"));
        JsonNode data = api.get("/api/v1/models").data();
        assertThat(data.path("models").isArray()).isTrue();
        assertThat(data.path("configuredProviders").isArray()).isTrue();
        assertThat(data.path("models").size()).isPositive();
        for (JsonNode model : data.path("models")) {
            assertThat(model.path("contextWindow").isNumber()).as(model.toString()).isTrue();
            assertThat(model.path("inputPrice").isNumber()).as(model.toString()).isTrue();
            assertThat(model.path("outputPrice").isNumber()).as(model.toString()).isTrue();
            assertThat(model.path("capabilities").isArray()).isTrue();
            assertThat(model.path("provider").isString()).isTrue();
        }
    }

    @Test
    void theAiModelsPageLoadsItsFiveListsAsBareArrays() {
        JsonNode models = api.get("/api/v1/model-configs").data();
        assertThat(models.isArray()).isTrue();
        assertThat(models.size()).isPositive();
        for (JsonNode model : models) {
            assertThat(model.path("capabilities").isArray()).isTrue();
            assertThat(model.path("providerName").isString()).isTrue();
            assertThat(model.path("modelId").isString()).isTrue();
            assertThat(model.path("displayName").isString()).isTrue();
            assertThat(model.path("pricingPerRequest").isNull()).as("null crashes; absent is fine").isFalse();
            assertThat(model.path("source").asString()).isIn("builtin", "aggregator", "custom", "local");
        }
        JsonNode available = api.get("/api/v1/model-configs/providers/available").data();
        assertThat(available.isArray()).isTrue();
        assertThat(available.path(0).has("modelCount")).isTrue();
        assertThat(available.path(0).has("apiKeyEnv")).isTrue();
        JsonNode capabilities = api.get("/api/v1/model-configs/capabilities/list").data();
        assertThat(capabilities.isArray()).isTrue();
        assertThat(capabilities.path(0).path("description").isString()).isTrue();
        assertThat(api.get("/api/v1/local-providers").data().isArray()).isTrue();
        JsonNode templates = api.get("/api/v1/local-providers/templates").data();
        assertThat(templates.isArray()).isTrue();
        assertThat(templates.path(0).path("description").isString()).isTrue();
    }

    @Test
    void aModelCardIsToggledAndEditedWithTheUisBodies() {
        JsonNode model = api.get("/api/v1/model-configs/openai").data().path(0);
        String path = "/api/v1/model-configs/openai/" + URLEncoder.encode(model.path("modelId").asString(),
                StandardCharsets.UTF_8);
        assertThat(api.patch(path + "/toggle", Map.of("enabled", false)).data().path("isEnabled").asBoolean())
                .isFalse();
        Api.Response edited = api.put(path, Map.of("displayName", "Edited", "capabilities", List.of("chat", "code"),
                "contextWindow", 64000, "maxOutput", 4000, "isEnabled", true));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.data().path("displayName").asString()).isEqualTo("Edited");
        assertThat(edited.data().path("isEnabled").asBoolean()).isTrue();
        api.delete(path);
    }

    /** No JSON object can be a React child, so the browser's fetches on these paths get the message as text. */
    @Test
    void theFiveRawRenderedErrorsAreTextForTheBrowserAndTheContractsObjectOtherwise() {
        Api browser = api.with("Sec-Fetch-Mode", "cors").with("Sec-Fetch-Site", "same-origin");
        List<Api.Response> failures = List.of(
                browser.patch("/api/v1/model-configs/openai/no-such-model/toggle", Map.of("enabled", true)),
                browser.put("/api/v1/model-configs/openai/no-such-model", Map.of("isEnabled", true)),
                browser.post("/api/v1/model-configs/providers/no-such-provider/discover-models", null));
        for (Api.Response failure : failures) {
            assertThat(failure.status()).as(failure.raw().body()).isEqualTo(404);
            assertThat(failure.body().path("success").asBoolean(true)).as(failure.raw().body()).isFalse();
            assertThat(failure.body().path("error").isString()).as(failure.body().toString()).isTrue();
            assertThat(failure.body().path("error").asString()).isNotBlank();
            assertThat(failure.body().path("code").asString()).endsWith("NOT_FOUND");
        }
        Api.Response script = api.patch("/api/v1/model-configs/openai/no-such-model/toggle", Map.of("enabled", true));
        assertThat(script.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(script.body().path("error").path("message").isString()).isTrue();
        Api.Response otherPage = browser.get("/api/v1/agents/no-such-agent");
        assertThat(otherPage.body().path("error").path("message").isString())
                .as("every other page reads error.message").isTrue();
    }

    @Test
    void theProvidersPageListsWrappedProvidersAndEditsTheirConfig() {
        JsonNode providers = api.get("/api/v1/providers").data().path("providers");
        assertThat(providers.isArray()).isTrue();
        for (JsonNode provider : providers) {
            assertThat(provider.path("name").isString()).isTrue();
            assertThat(provider.has("isConfigured")).isTrue();
            assertThat(provider.has("modelCount")).isTrue();
        }
        JsonNode categories = api.get("/api/v1/providers/categories").data();
        assertThat(categories.path("categories").isObject()).isTrue();
        assertThat(categories.path("uncategorized").isArray()).isTrue();
        JsonNode models = api.get("/api/v1/providers/openai/models").data();
        assertThat(models.path("models").isArray()).isTrue();
        assertThat(models.path("models").path(0).path("id").isString()).isTrue();
        assertThat(models.path("providerName").isString()).isTrue();
        assertThat(api.put("/api/v1/providers/mistral/config", Map.of("baseUrl", "https://mistral.example/v1",
                "providerType", "openai-compatible", "isEnabled", true, "notes", "mine")).status()).isEqualTo(200);
        JsonNode config = api.get("/api/v1/providers/mistral/config").data();
        assertThat(config.path("userOverride").path("baseUrl").asString()).isEqualTo("https://mistral.example/v1");
        assertThat(config.path("baseConfig").isObject()).isTrue();
        assertThat(api.patch("/api/v1/providers/mistral/toggle", Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/providers/mistral/config").status()).isEqualTo(200);
    }

    @Test
    void aLocalProviderIsAddedDiscoveredToggledWithoutABodyAndMadeTheDefault() {
        Api.Response added = api.post("/api/v1/local-providers", Map.of("name", "Ollama", "providerType", "ollama",
                "baseUrl", ollama.baseUrl()));
        String id = added.data().path("id").asString();
        JsonNode discovered = api.post("/api/v1/local-providers/" + id + "/discover", null).data();
        assertThat(discovered.path("totalModels").asInt()).isEqualTo(1);
        assertThat(discovered.path("newModels").isNumber()).isTrue();
        assertThat(bodiless("PATCH", "/api/v1/local-providers/" + id + "/toggle").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/local-providers/" + id).data().path("isEnabled").asBoolean()).isFalse();
        assertThat(bodiless("PATCH", "/api/v1/local-providers/" + id + "/toggle").status()).isEqualTo(200);
        assertThat(bodiless("PATCH", "/api/v1/local-providers/" + id + "/set-default").status()).isEqualTo(200);
        JsonNode listed = api.get("/api/v1/local-providers").data();
        JsonNode mine = listed.valueStream().filter(p -> p.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(mine.path("isDefault").asBoolean()).isTrue();
        assertThat(mine.path("isEnabled").asBoolean()).isTrue();
        assertThat(mine.path("modelCount").asInt()).isEqualTo(1);
        JsonNode models = api.get("/api/v1/local-providers/" + id + "/models").data();
        assertThat(models.isArray()).isTrue();
        assertThat(models.path(0).path("modelId").asString()).isEqualTo("llama3.1:8b");
        assertThat(api.delete("/api/v1/local-providers/" + id).status()).isEqualTo(200);
    }

    private Api.Response bodiless(String method, String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
