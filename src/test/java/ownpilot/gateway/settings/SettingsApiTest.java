package ownpilot.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

class SettingsApiTest extends ApiTestBase {

    private static final String KEY = "sk-test-SECRETVALUE-9876543210abcd";

    @Test
    void apiKeysAreEncryptedAtRestAndNeverReturned() {
        Api.Response set = api.post("/api/v1/settings/api-key/anthropic", Map.of("apiKey", KEY));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.data().path("configured").asBoolean()).isTrue();
        assertThat(set.data().path("source").asString()).isEqualTo("database");
        assertThat(set.data().path("hint").asString()).isEqualTo("sk-t…abcd");
        assertThat(set.raw().body()).doesNotContain("SECRETVALUE");

        Api.Response get = api.get("/api/v1/settings/api-key/anthropic");
        assertThat(get.data().path("configured").asBoolean()).isTrue();
        assertThat(get.raw().body()).doesNotContain("SECRETVALUE");
        assertThat(api.get("/api/v1/settings").data().path("configuredProviders").toString()).contains("anthropic");

        List<String> stored = jdbc.sql("SELECT key || ' ' || value::text FROM settings").query(String.class).list();
        assertThat(stored).anyMatch(row -> row.startsWith("api_key:anthropic"));
        assertThat(stored).noneMatch(row -> row.contains("SECRETVALUE") || row.contains(KEY));

        Api.Response deleted = api.delete("/api/v1/settings/api-key/anthropic");
        assertThat(deleted.data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/settings/api-key/anthropic").data().path("configured").asBoolean()).isFalse();
        assertThat(api.delete("/api/v1/settings/api-key/anthropic").status()).isEqualTo(404);
    }

    @Test
    void apiKeyInputIsValidated() {
        assertThat(api.post("/api/v1/settings/api-key/openai", Map.of()).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", "has space")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", "k".repeat(5000))).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/settings/api-key/Bad..Provider!", Map.of("apiKey", KEY)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/settings/api-key/openai", "[1,2]").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/settings/api-key/openai", "{oops").errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void overviewListsProvidersAndDemoModeFollowsConfiguration() {
        Api.Response r = api.get("/api/v1/settings");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("availableProviders").toString()).contains("\"openai\"", "\"anthropic\"");
        assertThat(r.data().has("localProviders")).isTrue();
        boolean anyConfigured = !r.data().path("configuredProviders").isEmpty();
        assertThat(r.data().path("demoMode").asBoolean()).isEqualTo(!anyConfigured);
    }

    @Test
    void defaultsAreStoredAndValidated() {
        Api.Response set = api.post("/api/v1/settings/defaults", Map.of("provider", "openai", "model", "gpt-4o"));
        assertThat(set.data().path("provider").asString()).isEqualTo("openai");
        assertThat(set.data().path("model").asString()).isEqualTo("gpt-4o");
        assertThat(api.get("/api/v1/settings/defaults").data().path("model").asString()).isEqualTo("gpt-4o");
        assertThat(api.get("/api/v1/settings").data().path("defaultProvider").asString()).isEqualTo("openai");

        assertThat(api.post("/api/v1/settings/defaults", Map.of()).errorCode()).isEqualTo("VALIDATION_ERROR");
        Api.Response bad = api.post("/api/v1/settings/defaults", Map.of("provider", "Open AI!"));
        assertThat(bad.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(bad.body().path("error").path("details").get(0).path("field").asString()).isEqualTo("provider");
    }

    @Test
    void sandboxSettingsMergeDefaultsAndRejectBadValues() {
        Api.Response initial = api.get("/api/v1/settings/sandbox");
        assertThat(initial.data().path("settings").path("defaultNetwork").asString()).isNotBlank();
        assertThat(initial.data().has("dockerAvailable")).isTrue();

        Api.Response updated = api.post("/api/v1/settings/sandbox", Map.of("defaultMemoryMB", 1024,
                "defaultNetwork", "restricted"));
        assertThat(updated.data().path("updated").toString()).contains("defaultMemoryMB", "defaultNetwork");
        assertThat(updated.data().path("settings").path("defaultMemoryMB").asInt()).isEqualTo(1024);
        assertThat(api.get("/api/v1/settings/sandbox").data().path("settings").path("defaultNetwork").asString())
                .isEqualTo("restricted");

        Api.Response bad = api.post("/api/v1/settings/sandbox",
                Map.of("defaultNetwork", "everything", "defaultMemoryMB", "lots", "unknownThing", true));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("error").path("details").findValuesAsString("field"))
                .containsExactlyInAnyOrder("defaultNetwork", "defaultMemoryMB", "unknownThing");
        assertThat(api.get("/api/v1/settings/sandbox").data().path("settings").path("defaultMemoryMB").asInt())
                .isEqualTo(1024);
        assertThat(api.post("/api/v1/settings/sandbox", Map.of("allowedImages", List.of("ok:1", "BAD IMAGE")))
                .status()).isEqualTo(400);
    }

    @Test
    void genericSettingsRoundTripAnyJson() {
        Api.Response set = api.post("/api/v1/settings/ui.theme", Map.of("value", Map.of("mode", "dark", "size", 14)));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.data().path("value").path("mode").asString()).isEqualTo("dark");
        assertThat(api.get("/api/v1/settings/ui.theme").data().path("value").path("size").asInt()).isEqualTo(14);
        assertThat(api.delete("/api/v1/settings/ui.theme").data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/settings/ui.theme").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/settings/ui.theme").status()).isEqualTo(404);
    }

    @Test
    void timezoneSettingMustBeARealZone() {
        assertThat(api.post("/api/v1/settings/timezone", Map.of("value", "Mars/Olympus")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/settings/timezone", Map.of("value", 5)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/settings/timezone", Map.of("value", "Europe/Berlin")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/settings").data().path("timezone").asString()).isEqualTo("Europe/Berlin");
        api.delete("/api/v1/settings/timezone");
    }

    @Test
    void hostileSettingInputChangesNothing() {
        long before = rows("settings");
        assertThat(api.post("/api/v1/settings/bad%2Fkey", Map.of("value", 1)).status()).isBetween(400, 404);
        assertThat(api.post("/api/v1/settings/" + "k".repeat(200), Map.of("value", 1)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/settings/valid_key", Map.of("value", "x".repeat(100_000))).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/settings/valid_key", Map.of("nothing", 1)).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/settings/valid_key", "{\"value\":").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/settings/x'%20OR%20'1'='1").status()).isEqualTo(400);
        assertThat(rows("settings")).isEqualTo(before);
    }

    @Test
    void dataInfoDescribesTheDataDirectoryWithoutSecrets() {
        Api.Response r = api.get("/api/v1/settings/data-info");
        assertThat(r.data().path("dataDirectory").asString()).isEqualTo(DATA_DIR.toAbsolutePath().toString());
        assertThat(r.data().path("database").path("type").asString()).isEqualTo("postgres");
        assertThat(r.raw().body()).doesNotContainIgnoringCase("password");
    }
}
