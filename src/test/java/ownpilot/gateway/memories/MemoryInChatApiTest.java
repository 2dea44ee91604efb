package ownpilot.gateway.memories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import tools.jackson.databind.JsonNode;

/** What the assistant remembers reaches the model, and what the model remembers names its conversation. */
class MemoryInChatApiTest extends ApiTestBase {

    @BeforeEach
    void setUp() {
        useFakeOpenAi("sk-test-memory-chat-0123456789");
        jdbc.sql("DELETE FROM memories").update();
    }

    @Test
    void aTurnsSystemPromptCarriesTheRelevantMemoryAndTheTraceSaysSo() {
        String berlin = api.post("/api/v1/memories", Map.of("content", "I live in Berlin", "type", "fact")).data()
                .path("memory").path("id").asString();
        api.post("/api/v1/memories", Map.of("content", "I am allergic to peanuts", "type", "fact"));
        LLM.enqueue(new FakeLlmServer.Text(List.of("Sunny in Berlin"), 0));

        JsonNode data = api.post("/api/v1/chat", Map.of("message", "What is the weather like in my city today?",
                "provider", "openai", "model", "gpt-test", "newConversation", true)).data();

        String system = LLM.requests().getFirst().body().path("messages").path(0).path("content").asString();
        assertThat(system).contains("What you remember about the user").contains("I live in Berlin");
        JsonNode ops = data.path("trace").path("memoryOps");
        assertThat(ops.path("recalls").asInt()).isPositive();
        assertThat(ops.path("recalled").toString()).contains(berlin);
        assertThat(api.get("/api/v1/memories/" + berlin).data().path("accessedCount").asInt())
                .as("a recall counts as an access").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRememberCallStoresTheMemoryWithItsConversationAsSource() {
        LLM.enqueue(new FakeLlmServer.ToolCall("call_m", "use_tool",
                        "{\"tool_name\":\"remember\",\"arguments\":{\"content\":\"The user's daughter is called Ada\","
                                + "\"type\":\"fact\",\"importance\":0.8}}", 7),
                new FakeLlmServer.Text(List.of("I'll remember that."), 0));

        JsonNode data = api.post("/api/v1/chat", Map.of("message", "My daughter is called Ada", "provider", "openai",
                "model", "gpt-test", "newConversation", true)).data();

        String conversation = data.path("conversationId").asString();
        assertThat(data.path("trace").path("memoryOps").path("adds").asInt()).isEqualTo(1);
        JsonNode stored = api.get("/api/v1/memories/search?q=child%27s%20name").data().path("memories").path(0);
        assertThat(stored.path("content").asString()).isEqualTo("The user's daughter is called Ada");
        assertThat(stored.path("source").asString()).isEqualTo("conversation");
        assertThat(stored.path("sourceId").asString()).isEqualTo(conversation);
        assertThat(stored.path("importance").asDouble()).isEqualTo(0.8);
    }

    @Test
    void backgroundExtractionStoresWhatTheModelProposesAsACostedCall() throws Exception {
        api.post("/api/v1/settings/memory_extraction", Map.of("value", "background"));
        try {
            LLM.enqueue(new FakeLlmServer.Text(List.of("Congratulations on the new job!"), 0),
                    new FakeLlmServer.Text(List.of("{\"memories\": [{\"content\": \"The user started a new job at ",
                            "Siemens\", \"type\": \"event\", \"importance\": 0.9}, {\"content\": 42}]}"), 0));
            JsonNode reply = api.post("/api/v1/chat", Map.of("message", "I started a new job at Siemens today",
                    "provider", "openai", "model", "gpt-test", "newConversation", true)).data();
            assertThat(reply.path("response").asString()).contains("Congratulations");

            long deadline = System.nanoTime() + 20_000_000_000L;
            while (jdbc.sql("SELECT count(*) FROM memories").query(Long.class).single() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            JsonNode stored = api.get("/api/v1/memories").data().path("memories");
            assertThat(stored.size()).as("the malformed proposal is dropped").isEqualTo(1);
            assertThat(stored.path(0).path("content").asString()).isEqualTo("The user started a new job at Siemens");
            assertThat(stored.path(0).path("source").asString()).isEqualTo("extraction");
            assertThat(stored.path(0).path("sourceId").asString()).isEqualTo(reply.path("id").asString());
            assertThat(jdbc.sql("SELECT count(*) FROM usage_records WHERE request_type = 'completion' "
                    + "AND actor_type = 'system' AND actor_id = 'memory-extraction'")
                    .query(Long.class).single()).as("recorded and costed like any model call").isEqualTo(1);
            String extractionPrompt = LLM.requests().get(1).body().path("messages").path(1).path("content").asString();
            assertThat(extractionPrompt).contains("I started a new job at Siemens today");
        } finally {
            api.delete("/api/v1/settings/memory_extraction");
        }
    }
}
