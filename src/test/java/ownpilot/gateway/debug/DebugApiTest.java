package ownpilot.gateway.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import tools.jackson.databind.JsonNode;

class DebugApiTest extends ApiTestBase {

    private static final String KEY = "sk-debug-0123456789abcdefghij";

    @Test
    void recordsModelRequestsAndResponsesWithSecretsMaskedAndCanBeToggledAndCleared() {
        LLM.reset();
        api.put("/api/v1/providers/openai/config", Map.of("baseUrl", LLM.baseUrl()));
        api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", KEY));
        api.delete("/api/v1/debug");
        api.post("/api/v1/debug/toggle", Map.of("enabled", true));
        LLM.enqueue(new FakeLlmServer.Text(List.of("Your key " + KEY + " is safe"), 0));

        api.post("/api/v1/chat", Map.of("message", "my other key is sk-proj-ABCDEFGHIJKLMNOPQRSTUV and password: "
                + "hunter22", "provider", "openai", "model", "gpt-debug", "newConversation", true));

        JsonNode debug = api.get("/api/v1/debug").data();
        assertThat(debug.path("enabled").asBoolean()).isTrue();
        assertThat(debug.path("summary").path("requestCount").asInt()).isEqualTo(1);
        assertThat(debug.path("summary").path("responseCount").asInt()).isEqualTo(1);
        String text = debug.toString();
        assertThat(text).contains("gpt-debug", "chat/completions").doesNotContain(KEY)
                .doesNotContain("ABCDEFGHIJKLMNOPQRSTUV").doesNotContain("hunter22");
        JsonNode response = debug.path("entries").valueStream().filter(e -> e.path("type").asString()
                .equals("response")).findFirst().orElseThrow();
        assertThat(response.path("data").path("contentPreview").asString()).contains("is safe");
        assertThat(api.get("/api/v1/debug/recent?count=1").data().path("count").asInt()).isEqualTo(1);

        assertThat(api.post("/api/v1/debug/toggle", Map.of("enabled", false)).data().path("enabled").asBoolean())
                .isFalse();
        int before = api.get("/api/v1/debug").data().path("summary").path("totalEntries").asInt();
        api.post("/api/v1/chat", Map.of("message", "quiet", "provider", "openai", "model", "gpt-debug"));
        assertThat(api.get("/api/v1/debug").data().path("summary").path("totalEntries").asInt()).isEqualTo(before);
        assertThat(api.post("/api/v1/debug/toggle", "").data().path("enabled").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/debug/toggle", Map.of("enabled", "on")).status()).isEqualTo(400);

        assertThat(api.delete("/api/v1/debug").data().path("cleared").asInt()).isEqualTo(before);
        assertThat(api.get("/api/v1/debug").data().path("entries")).isEmpty();
        assertThat(api.get("/api/v1/debug?count=-1").status()).isEqualTo(400);
    }
}
