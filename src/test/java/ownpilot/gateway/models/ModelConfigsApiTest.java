package ownpilot.gateway.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.JsonServer;
import tools.jackson.databind.JsonNode;

class ModelConfigsApiTest extends ApiTestBase {

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM model_settings").update();
        jdbc.sql("DELETE FROM custom_providers").update();
        jdbc.sql("DELETE FROM provider_overrides").update();
        MODELS_DEV.setUp(true);
    }

    private String firstModel(String provider) {
        return api.get("/api/v1/model-configs/" + provider).data().get(0).path("modelId").asString();
    }

    @Test
    void mergedViewWithSourcesAndFilters() {
        Api.Response all = api.get("/api/v1/model-configs");
        assertThat(all.data().size()).isGreaterThan(2000);
        assertThat(all.data().valueStream().filter(m -> m.path("providerId").asString().equals("openrouter"))
                .map(m -> m.path("source").asString()).distinct().toList()).containsExactly("aggregator");
        assertThat(api.get("/api/v1/model-configs?provider=openai").data().valueStream()
                .map(m -> m.path("source").asString()).distinct().toList()).containsExactly("builtin");
        assertThat(api.get("/api/v1/model-configs?provider=openai&capability=vision").data().valueStream()
                .allMatch(m -> m.path("capabilities").toString().contains("vision"))).isTrue();
        assertThat(api.get("/api/v1/model-configs?capability=telepathy").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/model-configs/capabilities/list").data()).hasSize(10);
        assertThat(api.get("/api/v1/model-configs/nowhere").errorCode()).isEqualTo("PROVIDER_NOT_FOUND");
    }

    @Test
    void settingsOverrideCatalogModelsUntilReset() {
        String model = firstModel("anthropic");
        Api.Response changed = api.put("/api/v1/model-configs/anthropic/" + model,
                Map.of("displayName", "My Claude", "pricingInput", 1.25, "contextWindow", 100000));
        assertThat(changed.data().path("displayName").asString()).isEqualTo("My Claude");
        assertThat(changed.data().path("pricingInput").asDouble()).isEqualTo(1.25);
        assertThat(changed.data().path("hasOverride").asBoolean()).isTrue();
        Api.Response off = api.patch("/api/v1/model-configs/anthropic/" + model + "/toggle", Map.of("enabled", false));
        assertThat(off.data().path("isEnabled").asBoolean()).isFalse();
        assertThat(off.data().path("displayName").asString()).as("other settings kept").isEqualTo("My Claude");
        assertThat(api.get("/api/v1/model-configs?enabled=false").data().findValuesAsString("modelId")).contains(model);

        assertThat(api.delete("/api/v1/model-configs/anthropic/" + model).data().path("deleted").asBoolean()).isTrue();
        JsonNode restored = api.get("/api/v1/model-configs/anthropic/" + model).data();
        assertThat(restored.path("hasOverride").asBoolean()).isFalse();
        assertThat(restored.path("isEnabled").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/model-configs/anthropic/" + model).status()).isEqualTo(400);
        assertThat(api.put("/api/v1/model-configs/anthropic/" + model, Map.of("capabilities", List.of("magic")))
                .status()).isEqualTo(400);
        assertThat(api.put("/api/v1/model-configs/anthropic/" + model, Map.of("pricingInput", -1)).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/model-configs/anthropic/no-such-model").status()).isEqualTo(404);
    }

    @Test
    void customModelsOnCatalogProviders() {
        Api.Response created = api.post("/api/v1/model-configs", Map.of("providerId", "openai",
                "modelId", "ft:my-finetune", "displayName", "My fine-tune", "capabilities", List.of("chat")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("source").asString()).isEqualTo("custom");
        assertThat(created.data().path("isCustom").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/model-configs", Map.of("providerId", "openai", "modelId", "ft:my-finetune"))
                .status()).isEqualTo(409);
        assertThat(api.post("/api/v1/model-configs", Map.of("providerId", "openai", "modelId",
                firstModel("openai"))).status()).as("catalog models are changed with PUT").isEqualTo(409);
        assertThat(api.post("/api/v1/model-configs", Map.of("providerId", "nowhere", "modelId", "m")).status())
                .isEqualTo(400);
        assertThat(api.delete("/api/v1/model-configs/openai/ft:my-finetune").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/model-configs/openai/ft:my-finetune").status()).isEqualTo(404);
    }

    @Test
    void customProvidersWithDiscovery() throws Exception {
        JsonServer server = JsonServer.start()
                .route("/v1/models", 200, "{\"data\":[{\"id\":\"proxy/model-a\"},{\"id\":\"model-b\"}]}");
        try {
            String base = server.baseUrl() + "/v1";
            Api.Response created = api.post("/api/v1/model-configs/providers", Map.of("providerId", "my-proxy",
                    "name", "My Proxy", "baseUrl", base));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.data().path("type").asString()).isEqualTo("custom");
            assertThat(created.data().path("isConfigured").asBoolean()).as("no key needed").isTrue();

            Api.Response found = api.post("/api/v1/model-configs/providers/my-proxy/discover-models", "");
            assertThat(found.data().path("newModels").asInt()).isEqualTo(2);
            assertThat(found.data().path("sourceUrl").asString()).isEqualTo(base + "/models");
            assertThat(api.post("/api/v1/model-configs/providers/my-proxy/discover-models", "").data()
                    .path("existingModels").asInt()).isEqualTo(2);
            JsonNode provider = api.get("/api/v1/model-configs/providers/my-proxy").data();
            assertThat(provider.path("modelCount").asInt()).isEqualTo(2);
            assertThat(provider.path("models").findValuesAsString("displayName")).contains("Model A", "Model B");
            assertThat(api.get("/api/v1/model-configs/providers/list?type=custom").data().findValuesAsString("id"))
                    .containsExactly("my-proxy");

            assertThat(api.patch("/api/v1/model-configs/providers/my-proxy/toggle", Map.of("enabled", false))
                    .data().path("isEnabled").asBoolean()).isFalse();
            assertThat(api.put("/api/v1/model-configs/providers/my-proxy", Map.of("name", "Renamed")).data()
                    .path("name").asString()).isEqualTo("Renamed");
            assertThat(api.delete("/api/v1/model-configs/providers/my-proxy").status()).isEqualTo(200);
            assertThat(rows("model_settings")).as("its models go with it").isZero();
        } finally {
            server.close();
        }
        assertThat(api.post("/api/v1/model-configs/providers", Map.of("providerId", "openai", "name", "x",
                "baseUrl", "http://127.0.0.1:1")).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/model-configs/providers", Map.of("providerId", "p", "name", "x",
                "baseUrl", "gopher://x")).status()).isEqualTo(400);
        assertThat(api.put("/api/v1/model-configs/providers/openai", Map.of("name", "x")).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/model-configs/providers/openai").status()).isEqualTo(400);
    }

    @Test
    void catalogProviderToggleIsTheSameFlagAsProvidersToggle() {
        api.patch("/api/v1/model-configs/providers/mistral/toggle", Map.of("enabled", false));
        assertThat(api.get("/api/v1/providers/mistral/config").data().path("effectiveConfig").path("isEnabled")
                .asBoolean()).isFalse();
        JsonNode available = api.get("/api/v1/model-configs/providers/available").data();
        assertThat(available.valueStream().filter(p -> !p.path("isEnabled").asBoolean()).map(p -> p.path("id")
                .asString()).toList()).containsExactly("mistral");
    }

    @Test
    void syncRoutes() {
        Api.Response status = api.post("/api/v1/model-configs/sync", "");
        assertThat(status.data().path("providers").asInt()).isEqualTo(1);
        assertThat(status.data().path("newModels").asInt()).isEqualTo(1);
        assertThat(api.delete("/api/v1/model-configs/sync/provider/openai").status()).as("nothing synced").isEqualTo(404);
        MODELS_DEV.setUp(false);
        assertThat(api.post("/api/v1/model-configs/sync/reset", "").errorCode()).isEqualTo("SYNC_UNAVAILABLE");
        assertThat(api.post("/api/v1/model-configs/sync/apply", "").errorCode()).isEqualTo("SYNC_UNAVAILABLE");
        assertThat(api.get("/api/v1/model-configs?provider=openai").data().size()).as("catalog untouched")
                .isGreaterThan(1);
    }
}
