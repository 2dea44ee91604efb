package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.FakeLlmServer;

/** Which client and which URL each kind of provider is called with. */
class ChatProvidersApiTest extends ChatTestBase {

    @Test
    void aLocalProviderIsCalledAsOpenAiCompatibleAtItsBaseUrlPlusV1() {
        String root = LLM.baseUrl().replace("/v1", "");
        String id = api.post("/api/v1/local-providers", Map.of("name", "Fake LM " + System.nanoTime(),
                "providerType", "lmstudio", "baseUrl", root, "apiKey", "local-secret-123")).data().path("id")
                .asString();
        try {
            LLM.enqueue(new FakeLlmServer.Text(List.of("local ", "answer"), 0));

            Api.Response r = api.post("/api/v1/chat", Map.of("message", "hi", "provider", id, "model",
                    "qwen-local", "newConversation", true));

            assertThat(r.data().path("message").asString()).isEqualTo("local answer");
            FakeLlmServer.Recorded upstream = LLM.requests().getFirst();
            assertThat(upstream.path()).isEqualTo("/v1/chat/completions");
            assertThat(upstream.headers().get("authorization")).isEqualTo("Bearer local-secret-123");
            assertThat(upstream.body().path("model").asString()).isEqualTo("qwen-local");
        } finally {
            api.delete("/api/v1/local-providers/" + id);
        }
    }

    @Test
    void anthropicAndGeminiUseTheirNativeClientsAtTheOverriddenBaseUrl() {
        api.put("/api/v1/providers/anthropic/config", Map.of("baseUrl", LLM.baseUrl()));
        api.post("/api/v1/settings/api-key/anthropic", Map.of("apiKey", "sk-ant-test-0123456789"));
        api.put("/api/v1/providers/google/config", Map.of("baseUrl", LLM.baseUrl()));
        api.post("/api/v1/settings/api-key/google", Map.of("apiKey", "AIzaTest0123456789abcdefghij"));
        LLM.enqueue(new FakeLlmServer.Status(400, "{\"error\":{\"message\":\"fake speaks OpenAI only\"}}"),
                new FakeLlmServer.Status(400, "{\"error\":{\"message\":\"fake speaks OpenAI only\"}}"));
        try {
            Api.Response anthropic = api.post("/api/v1/chat", Map.of("message", "hi", "provider", "anthropic",
                    "model", "claude-test", "newConversation", true));
            Api.Response gemini = api.post("/api/v1/chat", Map.of("message", "hi", "provider", "google",
                    "model", "gemini-test", "newConversation", true));

            assertThat(anthropic.errorCode()).isEqualTo("PROVIDER_ERROR");
            assertThat(gemini.errorCode()).isEqualTo("PROVIDER_ERROR");
            FakeLlmServer.Recorded toAnthropic = LLM.requests().get(0);
            assertThat(toAnthropic.path()).isEqualTo("/v1/messages");
            assertThat(toAnthropic.headers().get("x-api-key")).isEqualTo("sk-ant-test-0123456789");
            assertThat(toAnthropic.body().path("model").asString()).isEqualTo("claude-test");
            FakeLlmServer.Recorded toGemini = LLM.requests().get(1);
            assertThat(toGemini.path()).startsWith("/v1/models/gemini-test:streamGenerateContent");
            assertThat(anthropic.body().toString()).doesNotContain("sk-ant-test-0123456789");
        } finally {
            api.delete("/api/v1/settings/api-key/anthropic");
            api.delete("/api/v1/settings/api-key/google");
            api.put("/api/v1/providers/anthropic/config", Map.of("baseUrl", "https://api.anthropic.com/v1"));
            api.put("/api/v1/providers/google/config", Map.of("baseUrl",
                    "https://generativelanguage.googleapis.com/v1beta"));
        }
    }
}
