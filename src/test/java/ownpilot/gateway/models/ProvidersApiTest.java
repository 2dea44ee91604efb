package ownpilot.gateway.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class ProvidersApiTest extends ApiTestBase {

    @Autowired
    ProviderConfigs configs;

    @AfterEach
    void dropOverrides() {
        jdbc.sql("DELETE FROM provider_overrides").update();
    }

    @Test
    void listsProvidersWithUiMetadataAndCategories() {
        Api.Response r = api.get("/api/v1/providers");
        assertThat(r.data().path("total").asInt()).isEqualTo(84);
        JsonNode openai = r.data().path("providers").valueStream()
                .filter(p -> p.path("id").asString().equals("openai")).findFirst().orElseThrow();
        assertThat(openai.path("color").asString()).isEqualTo("#10a37f");
        assertThat(openai.path("apiKeyPlaceholder").asString()).isEqualTo("sk-...");
        assertThat(openai.path("modelCount").asInt()).isPositive();
        assertThat(openai.path("isEnabled").asBoolean()).isTrue();
        assertThat(openai.path("hasOverride").asBoolean()).isFalse();
        assertThat(r.data().path("categories").path("Popular").toString()).contains("anthropic");
        Api.Response categories = api.get("/api/v1/providers/categories");
        assertThat(categories.data().path("uncategorized").toString()).contains("302ai");
        assertThat(api.get("/api/v1/providers/anthropic/models").data().path("models")).isNotEmpty();
        assertThat(api.get("/api/v1/providers/nope").errorCode()).isEqualTo("PROVIDER_NOT_FOUND");
    }

    @Test
    void overridesChangeTheEffectiveConfigUntilDeleted() {
        Api.Response put = api.put("/api/v1/providers/openai/config", Map.of("baseUrl", "http://127.0.0.1:9999/v1",
                "apiKeyEnv", "MY_PROXY_KEY", "notes", "through a proxy"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.data().path("effectiveConfig").path("baseUrl").asString()).isEqualTo("http://127.0.0.1:9999/v1");
        assertThat(put.data().path("effectiveConfig").path("apiKeyEnv").asString()).isEqualTo("MY_PROXY_KEY");
        assertThat(put.data().path("effectiveConfig").path("type").asString()).isEqualTo("openai");
        assertThat(put.data().path("baseConfig").path("baseUrl").asString()).isEqualTo("https://api.openai.com/v1");
        assertThat(configs.effective("default", "openai").baseUrl()).isEqualTo("http://127.0.0.1:9999/v1");

        Api.Response partial = api.put("/api/v1/providers/openai/config", Map.of("isEnabled", false));
        assertThat(partial.data().path("effectiveConfig").path("baseUrl").asString())
                .as("fields left out are kept").isEqualTo("http://127.0.0.1:9999/v1");
        assertThat(partial.data().path("effectiveConfig").path("isEnabled").asBoolean()).isFalse();
        assertThat(api.patch("/api/v1/providers/openai/toggle", Map.of("enabled", true)).data().path("isEnabled")
                .asBoolean()).isTrue();
        assertThat(api.get("/api/v1/providers/overrides/all").data().path("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/providers/openai").data().path("hasOverride").asBoolean()).isTrue();

        assertThat(api.delete("/api/v1/providers/openai/config").data().path("deleted").asBoolean()).isTrue();
        assertThat(configs.effective("default", "openai").baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(api.delete("/api/v1/providers/openai/config").status()).isEqualTo(404);
    }

    @Test
    void badOverridesAreRefused() {
        for (Map<String, Object> bad : new Map[] {Map.of("baseUrl", "file:///etc/passwd"),
                Map.of("baseUrl", "ftp://x.org"), Map.of("baseUrl", "http://user:secret@host/v1"),
                Map.of("baseUrl", "not a url"), Map.of("providerType", "skynet"), Map.of("apiKeyEnv", "lower-case"),
                Map.of("isEnabled", "yes"), Map.of("color", "red")}) {
            assertThat(api.put("/api/v1/providers/openai/config", bad).status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(api.put("/api/v1/providers/nope/config", Map.of("notes", "x")).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/providers/openai/toggle", Map.of("enabled", "no")).status()).isEqualTo(400);
        assertThat(rows("provider_overrides")).isZero();
    }
}
