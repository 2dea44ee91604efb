package ownpilot.gateway.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

class ModelsApiTest extends ApiTestBase {

    @Test
    void modelsOfConfiguredProvidersOnly() {
        api.post("/api/v1/settings/api-key/mistral", Map.of("apiKey", "mistral-test-key-0123456789"));
        try {
            Api.Response r = api.get("/api/v1/models");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data().path("configuredProviders").toString()).contains("mistral");
            assertThat(r.data().path("availableProviders")).hasSize(84);
            assertThat(r.data().path("models").valueStream().map(m -> m.path("provider").asString()))
                    .contains("mistral").allMatch(p -> r.data().path("configuredProviders").toString()
                            .contains("\"" + p + "\""));
            assertThat(r.data().path("models").valueStream().filter(m -> m.path("provider").asString().equals("mistral"))
                    .filter(m -> m.path("recommended").asBoolean()).count()).isEqualTo(1);
            assertThat(api.get("/api/v1/models?enabledOnly=maybe").status()).isEqualTo(400);
        } finally {
            api.delete("/api/v1/settings/api-key/mistral");
        }
    }

    @Test
    void catalogAndProviderViews() {
        Api.Response all = api.get("/api/v1/models/catalog/all");
        assertThat(all.data().size()).isEqualTo(84);
        assertThat(all.data().path("openai").valueStream().map(m -> m.path("id").asString())).isNotEmpty();
        Api.Response openai = api.get("/api/v1/models/openai");
        assertThat(openai.data().path("baseUrl").asString()).isEqualTo("https://api.openai.com/v1");
        assertThat(openai.data().path("providerName").asString()).isEqualTo("OpenAI");
        assertThat(openai.data().path("features").path("toolUse").asBoolean()).isTrue();
        assertThat(openai.data().path("isConfigured").isBoolean()).isTrue();
        JsonModel first = JsonModel.of(openai.data().path("models").get(0));
        assertThat(first.contextWindow()).isPositive();
        assertThat(first.capabilities()).contains("chat", "streaming");
        Api.Response unknown = api.get("/api/v1/models/no-such-provider");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("PROVIDER_NOT_FOUND");
    }

    private record JsonModel(int contextWindow, String capabilities) {
        static JsonModel of(tools.jackson.databind.JsonNode m) {
            return new JsonModel(m.path("contextWindow").asInt(), m.path("capabilities").toString());
        }
    }
}
