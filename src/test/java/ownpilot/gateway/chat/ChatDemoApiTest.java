package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.Sse;
import tools.jackson.databind.JsonNode;

class ChatDemoApiTest extends ApiTestBase {

    @Test
    void withNoProviderConfiguredChatAnswersInDemoModeAndSaysHowToConfigureOne() {
        for (JsonNode p : api.get("/api/v1/settings").data().path("configuredProviders")) {
            api.delete("/api/v1/settings/api-key/" + p.asString());
            api.delete("/api/v1/local-providers/" + p.asString());
        }
        JsonNode settings = api.get("/api/v1/settings").data();
        assumeThat(settings.path("configuredProviders").isEmpty())
                .as("a provider key in the environment keeps demo mode off").isTrue();
        assertThat(settings.path("demoMode").asBoolean()).isTrue();

        Api.Response r = api.post("/api/v1/chat", Map.of("message", "Hello?", "newConversation", true));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("demoMode").asBoolean()).isTrue();
        assertThat(r.data().path("message").asString()).contains("demo mode", "/api/v1/settings/api-key/");
        String id = r.data().path("conversationId").asString();
        assertThat(api.get("/api/v1/chat/history/" + id).data().path("messages")).hasSize(2);
        Sse.Stream streamed = Sse.post(port, "/api/v1/chat", Map.of("message", "Hello?", "stream", true));
        assertThat(streamed.terminalEvents()).isEqualTo(1);
        assertThat(streamed.named("done").getFirst().data().path("demoMode").asBoolean()).isTrue();
        assertThat(streamed.text()).contains("demo mode");
    }
}
