package ownpilot.gateway.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import ownpilot.gateway.support.LiveSocket;
import tools.jackson.databind.JsonNode;

class LiveEventsApiTest extends ApiTestBase {

    private LiveSocket ws;

    private JsonNode next(String type) throws InterruptedException {
        return ws.next(type, 20);
    }

    @Test
    void broadcastsChatToolApprovalAndBudgetEvents() throws Exception {
        ws = new LiveSocket(port, "");
        try {
            JsonNode ready = next("connection:ready");
            assertThat(ready.path("payload").path("sessionId").asString()).isNotBlank();
            assertThat(ready.path("timestamp").asString()).isNotBlank();

            api.post("/api/v1/tools/calculate/execute", Map.of("arguments", Map.of("expression", "1+2")));
            JsonNode tool = next("tool:executed");
            assertThat(tool.path("payload").path("tool").asString()).isEqualTo("calculate");

            LLM.reset();
            api.put("/api/v1/providers/openai/config", Map.of("baseUrl", LLM.baseUrl()));
            api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", "sk-live-0123456789abcdef"));
            jdbc.sql("DELETE FROM usage_records").update();
            api.post("/api/v1/costs/budget", Map.of("dailyLimit", 0.000001, "limitAction", "warn",
                    "alertThresholds", List.of(50, 100)));
            LLM.enqueue(new FakeLlmServer.Text(List.of("hi"), 0));
            String conversation = api.post("/api/v1/chat", Map.of("message", "hello", "provider", "openai",
                    "model", "gpt-4o", "newConversation", true)).data().path("conversationId").asString();
            JsonNode alert = next("budget:alert");
            assertThat(alert.path("payload").path("window").asString()).isIn("daily", "monthly");
            JsonNode chat = next("chat:completed");
            assertThat(chat.path("payload").path("conversationId").asString()).isEqualTo(conversation);
            resetBudget();

            api.patch("/api/v1/autonomy/config", Map.of("level", 0));
            try {
                api.post("/api/v1/tools/use_tool/execute", Map.of("arguments", Map.of("tool_name", "add_note",
                        "arguments", Map.of("title", "t", "content", "c"))));
                JsonNode approval = next("approval:requested");
                assertThat(approval.path("payload").path("tool").asString()).isEqualTo("add_note");
                assertThat(approval.path("payload").path("approvalId").asString()).startsWith("approval");
            } finally {
                api.post("/api/v1/autonomy/config/reset", "");
            }

            ws.send("not json");
            assertThat(next("connection:error").path("payload").path("code").asString()).isEqualTo("PARSE_ERROR");
        } finally {
            ws.close();
        }
    }
}
