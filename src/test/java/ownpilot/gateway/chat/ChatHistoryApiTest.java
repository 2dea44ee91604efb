package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.FakeLlmServer;
import tools.jackson.databind.JsonNode;

class ChatHistoryApiTest extends ChatTestBase {

    private String chat(String message) {
        return api.post("/api/v1/chat", ask(message)).data().path("conversationId").asString();
    }

    @Test
    void historyListsSearchesArchivesAndDeletesConversations() {
        String zebra = chat("Tell me about zebras_and 100% stripes");
        String other = chat("Something else entirely");

        JsonNode found = api.get("/api/v1/chat/history?search=zebras_and%20100%25").data();
        assertThat(found.path("conversations").valueStream().map(c -> c.path("id").asString()).toList())
                .containsExactly(zebra);
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/chat/history?search=_").data().path("conversations").toString())
                .contains(zebra).doesNotContain(other);
        JsonNode first = api.get("/api/v1/chat/history?limit=1").data();
        assertThat(first.path("conversations")).hasSize(1);
        assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(2);

        assertThat(api.patch("/api/v1/chat/history/" + zebra + "/archive", Map.of("archived", true)).data()
                .path("archived").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/chat/history?limit=1000").data().toString()).doesNotContain(zebra);
        assertThat(api.get("/api/v1/chat/history?archived=true&limit=1000").data().toString()).contains(zebra);
        assertThat(api.patch("/api/v1/chat/history/" + zebra + "/archive", Map.of("archived", "yes")).status())
                .isEqualTo(400);
        assertThat(api.patch("/api/v1/chat/history/nope/archive", Map.of("archived", true)).status()).isEqualTo(404);

        assertThat(api.delete("/api/v1/chat/history/" + zebra).data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/chat/history/" + zebra).errorCode()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.delete("/api/v1/chat/history/" + zebra).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/chat/history?limit=abc").status()).isEqualTo(400);
    }

    @Test
    void conversationRoutesShowToolResultsWithTheTurnThatAskedForThem() {
        LLM.enqueue(new FakeLlmServer.ToolCall("call_h", "use_tool",
                "{\"tool_name\":\"calculate\",\"arguments\":{\"expression\":\"3*3\"}}", 5),
                new FakeLlmServer.Text(List.of("Nine."), 0));
        String id = chat("3*3?");

        JsonNode live = api.get("/api/v1/chat/conversations/" + id).data();

        assertThat(live.path("id").asString()).isEqualTo(id);
        JsonNode messages = live.path("messages");
        assertThat(messages.valueStream().map(m -> m.path("role").asString()).toList())
                .containsExactly("user", "assistant", "assistant");
        assertThat(messages.get(1).path("toolResults").get(0).path("content").asString()).contains("9");
        assertThat(messages.get(1).path("toolResults").get(0).path("toolCallId").asString()).isEqualTo("call_h");
        assertThat(api.delete("/api/v1/chat/conversations/" + id).data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/chat/conversations/" + id).status()).isEqualTo(404);
        assertThat(rows("messages")).isEqualTo(jdbc.sql("SELECT count(*) FROM messages m JOIN conversations c "
                + "ON c.id = m.conversation_id").query(Long.class).single());
    }

    @Test
    void anAgentChatUsesTheAgentsPromptAndKeepsItsConversationUntilTheAgentIsReset() {
        Api.Response created = api.post("/api/v1/agents", Map.of("name", "Pirate " + System.nanoTime(),
                "systemPrompt", "You talk like a pirate.", "provider", "openai", "model", MODEL));
        String agentId = created.data().path("id").asString();

        JsonNode first = api.post("/api/v1/chat", Map.of("message", "Ahoy", "agentId", agentId)).data();
        JsonNode second = api.post("/api/v1/chat", Map.of("message", "Again", "agentId", agentId)).data();

        assertThat(second.path("conversationId").asString()).isEqualTo(first.path("conversationId").asString());
        JsonNode system = LLM.requests().getFirst().body().path("messages").get(0);
        assertThat(system.path("role").asString()).isEqualTo("system");
        assertThat(system.path("content").asString()).contains("You talk like a pirate.", "use_tool");
        JsonNode listed = api.get("/api/v1/chat/history?agentId=" + agentId).data().path("conversations");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("agentName").asString()).startsWith("Pirate");

        api.post("/api/v1/agents/" + agentId + "/reset", "");
        JsonNode third = api.post("/api/v1/chat", Map.of("message", "Fresh", "agentId", agentId)).data();
        assertThat(third.path("conversationId").asString()).isNotEqualTo(first.path("conversationId").asString());
        assertThat(api.post("/api/v1/chat", Map.of("message", "x", "agentId", "agent_missing")).status())
                .isEqualTo(404);
    }

    @Test
    void logsRecordEveryModelCallWithFiltersStatsAndClearRules() {
        String ok = chat("logged call");
        LLM.enqueue(new FakeLlmServer.Status(400, "{\"error\":\"bad request\"}"));
        api.post("/api/v1/chat", ask("failing call"));

        JsonNode forOk = api.get("/api/v1/chat/logs?conversationId=" + ok).data();
        assertThat(forOk.path("logs")).hasSize(1);
        JsonNode entry = forOk.path("logs").get(0);
        assertThat(entry.path("provider").asString()).isEqualTo("openai");
        assertThat(entry.path("statusCode").asInt()).isEqualTo(200);
        assertThat(entry.path("inputTokens").asInt()).isPositive();
        JsonNode detail = api.get("/api/v1/chat/logs/" + entry.path("id").asString()).data();
        assertThat(detail.path("requestBody").path("messages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(detail.path("responseBody").path("finishReason").asString()).isEqualTo("stop");
        JsonNode errors = api.get("/api/v1/chat/logs?errors=true").data().path("logs");
        assertThat(errors.valueStream().allMatch(l -> !l.path("error").isNull())).isTrue();
        assertThat(errors.toString()).contains("PROVIDER_ERROR");
        JsonNode stats = api.get("/api/v1/chat/logs/stats?days=1").data();
        assertThat(stats.path("totalRequests").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.path("errorCount").asLong()).isPositive();
        assertThat(stats.path("byProvider").path("openai").asLong()).isPositive();
        assertThat(api.get("/api/v1/chat/logs?type=bogus").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/chat/logs/missing").status()).isEqualTo(404);

        assertThat(api.delete("/api/v1/chat/logs").data().path("mode").asString()).isEqualTo("older than 30 days");
        assertThat(api.get("/api/v1/chat/logs?conversationId=" + ok).data().path("logs")).hasSize(1);
        JsonNode cleared = api.delete("/api/v1/chat/logs?all=true").data();
        assertThat(cleared.path("deleted").asInt()).isPositive();
        assertThat(api.get("/api/v1/chat/logs").data().path("total").asLong()).isZero();
    }
}
