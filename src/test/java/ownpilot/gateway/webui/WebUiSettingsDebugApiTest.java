package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import tools.jackson.databind.JsonNode;

/** The API Keys page's settings read (S1) and the Logs page's debug tab (DE1, DE2), web-ui-client.md §3.10, §3.32. */
class WebUiSettingsDebugApiTest extends ApiTestBase {

    @Test
    void theSettingsReadListsConfiguredAndLocalProvidersWithTheirType() {
        String id = api.post("/api/v1/local-providers", Map.of("name", "Settings LM", "providerType", "lmstudio",
                "baseUrl", "http://127.0.0.1:1")).data().path("id").asString();
        JsonNode settings = api.get("/api/v1/settings").data();
        assertThat(settings.path("configuredProviders").isArray()).isTrue();
        assertThat(settings.has("defaultProvider")).isTrue();
        assertThat(settings.has("defaultModel")).isTrue();
        JsonNode local = settings.path("localProviders").valueStream()
                .filter(p -> p.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(local.path("name").asString()).isEqualTo("Settings LM");
        assertThat(local.path("type").asString()).isEqualTo("local");
        assertThat(local.path("providerType").asString()).isEqualTo("lmstudio");
        api.delete("/api/v1/local-providers/" + id);
    }

    @Test
    void theDebugTabGetsTheUisSummaryNamesAndTypedEntries() {
        useFakeOpenAi("sk-debug-tab-0123456789abcdef");
        api.delete("/api/v1/debug");
        api.post("/api/v1/debug/toggle", Map.of("enabled", true));
        LLM.enqueue(new FakeLlmServer.Text(List.of("debugged"), 0));
        api.post("/api/v1/chat", Map.of("message", "hi", "provider", "openai", "model", "gpt-test",
                "newConversation", true));
        JsonNode debug = api.get("/api/v1/debug?count=100").data();
        assertThat(debug.path("enabled").isBoolean()).isTrue();
        for (String count : List.of("requests", "responses", "toolCalls", "errors", "retries")) {
            assertThat(debug.path("summary").path(count).isNumber()).as(count).isTrue();
        }
        assertThat(debug.path("summary").path("requests").asInt()).isEqualTo(1);
        assertThat(debug.path("entries").isArray()).isTrue();
        for (JsonNode entry : debug.path("entries")) {
            assertThat(entry.path("type").isString()).isTrue();
            assertThat(entry.path("timestamp").isString()).isTrue();
            assertThat(entry.path("data").isObject()).isTrue();
        }
        assertThat(api.delete("/api/v1/debug").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/debug?count=100").data().path("entries").size()).isZero();
        api.post("/api/v1/debug/toggle", Map.of("enabled", false));
    }
}
