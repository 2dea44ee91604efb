package ownpilot.gateway.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

class ModelsSyncApiTest extends ApiTestBase {

    @Autowired
    ModelCatalog catalog;

    @AfterEach
    void restorePackagedCatalog() throws Exception {
        MODELS_DEV.setUp(true);
        Path synced = catalog.syncedDirectory();
        if (Files.isDirectory(synced)) {
            try (var files = Files.list(synced)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        catalog.reload();
    }

    @Test
    void offlineSyncIs503AndLeavesTheCatalogAlone() {
        MODELS_DEV.setUp(false);
        String before = api.get("/api/v1/models/openai").data().path("models").toString();
        Api.Response sync = api.post("/api/v1/models/sync", "");
        assertThat(sync.status()).isEqualTo(503);
        assertThat(sync.errorCode()).isEqualTo("SYNC_UNAVAILABLE");
        assertThat(api.get("/api/v1/models/sync/providers").errorCode()).isEqualTo("SYNC_UNAVAILABLE");
        assertThat(api.get("/api/v1/models/openai").data().path("models").toString()).isEqualTo(before);
        assertThat(Files.exists(catalog.syncedDirectory().resolve("openai.json"))).isFalse();
    }

    @Test
    void syncWritesConvertedProvidersThatOverlayThePackagedCatalog() {
        Api.Response providers = api.get("/api/v1/models/sync/providers");
        assertThat(providers.data().path("providers").findValuesAsString("id")).containsExactly("openai");
        assertThat(providers.data().path("source").asString()).isEqualTo(MODELS_DEV.url());

        Api.Response sync = api.post("/api/v1/models/sync", Map.of("providers", List.of("openai", "nowhere")));
        assertThat(sync.status()).isEqualTo(200);
        assertThat(sync.data().path("synced").toString()).isEqualTo("[\"openai\"]");
        assertThat(sync.data().path("notFound").toString()).isEqualTo("[\"nowhere\"]");
        Api.Response openai = api.get("/api/v1/models/openai");
        assertThat(openai.data().path("models").findValuesAsString("id")).containsExactly("gpt-sync-test");
        assertThat(openai.data().path("models").get(0).path("inputPrice").asDouble()).isEqualTo(1.5);
        assertThat(openai.data().path("baseUrl").asString()).isEqualTo("https://api.openai.com/v1");
        assertThat(api.get("/api/v1/models/anthropic").data().path("models").size()).as("others untouched")
                .isGreaterThan(1);
    }

    /** The AI Models page reads the figures of a sync and of a reset beside {@code data}. */
    @Test
    void theAiModelsPageReadsSyncFiguresAtTheTopLevel() {
        Api.Response applied = api.post("/api/v1/model-configs/sync/apply", null);
        assertThat(applied.body().path("stats").path("providers").asInt()).isEqualTo(1);
        assertThat(applied.body().path("stats").path("totalModels").asInt()).isEqualTo(1);
        Api.Response reset = api.post("/api/v1/model-configs/sync/reset", null);
        assertThat(reset.body().path("stats").path("deleted").asInt()).isEqualTo(1);
        assertThat(reset.body().path("stats").path("synced").asInt()).isEqualTo(1);
        assertThat(reset.data().path("stats").path("synced").asInt()).as("and inside data").isEqualTo(1);
        api.delete("/api/v1/model-configs/sync/provider/openai");
    }

    @Test
    void syncBodyIsValidated() {
        assertThat(api.post("/api/v1/models/sync", Map.of("providers", "openai")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/models/sync", Map.of("providers", List.of("../etc"))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/models/sync", "[1]").status()).isEqualTo(400);
    }
}
