package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.FakeLlmServer;
import tools.jackson.databind.JsonNode;

class ChatApiTest extends ChatTestBase {

    @Test
    void answersFromTheOverriddenBaseUrlAndStoresTheConversationUnderTheReturnedId() {
        LLM.enqueue(new FakeLlmServer.Text(List.of("Hel", "lo ", "there"), 0));

        Api.Response r = api.post("/api/v1/chat", ask("Say hello"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.data();
        assertThat(data.path("message").asString()).isEqualTo("Hello there");
        assertThat(data.path("response").asString()).isEqualTo("Hello there");
        assertThat(data.path("finishReason").asString()).isEqualTo("stop");
        assertThat(data.path("model").asString()).isEqualTo(MODEL);
        assertThat(data.path("usage").path("completionTokens").asInt()).isEqualTo(5);
        assertThat(data.path("trace").path("modelCalls")).hasSize(1);
        FakeLlmServer.Recorded upstream = LLM.requests().getFirst();
        assertThat(upstream.path()).isEqualTo("/v1/chat/completions");
        assertThat(upstream.headers().get("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(upstream.body().path("model").asString()).isEqualTo(MODEL);
        assertThat(upstream.body().path("tools").toString()).contains("use_tool", "search_tools", "get_tool_help");

        String conversationId = data.path("conversationId").asString();
        JsonNode stored = api.get("/api/v1/chat/history/" + conversationId).data();
        assertThat(stored.path("conversation").path("id").asString()).isEqualTo(conversationId);
        assertThat(stored.path("messages").valueStream().map(m -> m.path("role").asString()).toList())
                .containsExactly("user", "assistant");
        assertThat(stored.path("messages").get(1).path("content").asString()).isEqualTo("Hello there");
        assertThat(stored.path("messages").get(1).path("id").asString()).isEqualTo(data.path("id").asString());
        assertThat(api.get("/api/v1/chat/history?limit=100").data().path("conversations").toString())
                .contains(conversationId);
        long logs = jdbc.sql("SELECT count(*) FROM request_logs WHERE conversation_id = ?").param(conversationId)
                .query(Long.class).single();
        long costs = jdbc.sql("SELECT count(*) FROM usage_records WHERE conversation_id = ? AND provider = 'openai'")
                .param(conversationId).query(Long.class).single();
        assertThat(logs).isEqualTo(1);
        assertThat(costs).isEqualTo(1);
        // the end of the turn is one transaction: the answer, the conversation's new count, the request log
        List<String> writers = jdbc.sql("SELECT xmin::text FROM messages WHERE id = :message UNION ALL "
                        + "SELECT xmin::text FROM conversations WHERE id = :conversation UNION ALL "
                        + "SELECT xmin::text FROM request_logs WHERE conversation_id = :conversation")
                .param("message", data.path("id").asString()).param("conversation", conversationId)
                .query(String.class).list();
        assertThat(writers).hasSize(3).containsOnly(writers.getFirst());
    }

    @Test
    void runsAToolThroughUseToolWithArgumentsSplitAcrossChunksAndSendsTheResultBack() {
        LLM.enqueue(new FakeLlmServer.ToolCall("call_1", "use_tool",
                        "{\"tool_name\":\"calculate\",\"arguments\":{\"expression\":\"6*7\"}}", 17),
                new FakeLlmServer.Text(List.of("It is 42."), 0));

        JsonNode data = api.post("/api/v1/chat", ask("What is 6*7?")).data();

        assertThat(data.path("message").asString()).isEqualTo("It is 42.");
        assertThat(data.path("toolCalls").get(0).path("name").asString()).isEqualTo("use_tool");
        assertThat(data.path("toolCalls").get(0).path("arguments").path("tool_name").asString()).isEqualTo("calculate");
        JsonNode traced = data.path("trace").path("toolCalls").get(0);
        assertThat(traced.path("name").asString()).isEqualTo("calculate");
        assertThat(traced.path("success").asBoolean()).isTrue();
        assertThat(data.path("trace").path("modelCalls")).hasSize(2);
        assertThat(data.path("trace").path("autonomyChecks").get(0).path("approved").asBoolean()).isTrue();
        JsonNode second = LLM.requests().get(1).body();
        JsonNode toolMessage = second.path("messages").valueStream()
                .filter(m -> m.path("role").asString().equals("tool")).findFirst().orElseThrow();
        assertThat(toolMessage.path("tool_call_id").asString()).isEqualTo("call_1");
        assertThat(toolMessage.path("content").asString()).contains("42");
        JsonNode messages = api.get("/api/v1/chat/history/" + data.path("conversationId").asString()).data()
                .path("messages");
        assertThat(messages.valueStream().map(m -> m.path("role").asString()).toList())
                .containsExactly("user", "assistant", "tool", "assistant");
        assertThat(messages.get(1).path("toolCalls").toString()).contains("calculate");
        awaitListeners();
        assertThat(rows("audit_events")).isPositive();
        long audited = jdbc.sql("SELECT count(*) FROM audit_events WHERE type = 'tool.success' AND resource_id = "
                + "'calculate'").query(Long.class).single();
        assertThat(audited).isPositive();
    }

    @Test
    void resumesAConversationWithItsEarlierMessagesAsContext() {
        String first = api.post("/api/v1/chat", ask("Remember the word pineapple")).data().path("conversationId")
                .asString();
        Map<String, Object> next = new HashMap<>(Map.of("message", "Which word?", "provider", "openai", "model",
                MODEL, "conversationId", first));

        JsonNode data = api.post("/api/v1/chat", next).data();

        assertThat(data.path("conversationId").asString()).isEqualTo(first);
        assertThat(LLM.requests().get(1).body().path("messages").toString()).contains("Remember the word pineapple");
        assertThat(api.get("/api/v1/chat/history/" + first).data().path("messages")).hasSize(4);
        JsonNode withoutId = api.post("/api/v1/chat", Map.of("message", "And again?", "provider", "openai", "model",
                MODEL)).data();
        assertThat(withoutId.path("conversationId").asString()).isEqualTo(first);
        Api.Response reset = api.post("/api/v1/chat/reset-context", Map.of("provider", "openai", "model", MODEL));
        assertThat(reset.data().path("reset").asBoolean()).isTrue();
        JsonNode fresh = api.post("/api/v1/chat", Map.of("message", "New start", "provider", "openai", "model",
                MODEL)).data();
        assertThat(fresh.path("conversationId").asString()).isNotEqualTo(first);
    }

    @Test
    void historySentWithANewConversationSeedsItsContext() {
        Map<String, Object> body = new HashMap<>(ask("And my name?"));
        body.put("history", List.of(Map.of("role", "user", "content", "I am Ada"),
                Map.of("role", "assistant", "content", "Hello Ada")));

        String id = api.post("/api/v1/chat", body).data().path("conversationId").asString();

        JsonNode sent = LLM.requests().getFirst().body().path("messages");
        assertThat(sent.valueStream().map(m -> m.path("content").asString()).toList())
                .containsSubsequence("I am Ada", "Hello Ada", "And my name?");
        assertThat(api.get("/api/v1/chat/history/" + id).data().path("messages").valueStream()
                .map(m -> m.path("content").asString()).toList())
                .containsExactly("I am Ada", "Hello Ada", "And my name?", "ok");
    }

    @Test
    void aRunThatReachesItsToolLimitEndsWithOneSummaryCallWithoutTools() {
        String args = "{\"tool_name\":\"calculate\",\"arguments\":{\"expression\":\"1+1\"}}";
        LLM.enqueue(new FakeLlmServer.ToolCall("call_a", "use_tool", args, 3),
                new FakeLlmServer.ToolCall("call_b", "use_tool", args, 3),
                new FakeLlmServer.Text(List.of("Summary: 1+1 is 2."), 0));
        Map<String, Object> body = new HashMap<>(ask("Add numbers forever"));
        body.put("maxToolCalls", 1);

        JsonNode data = api.post("/api/v1/chat", body).data();

        assertThat(data.path("message").asString()).isEqualTo("Summary: 1+1 is 2.");
        assertThat(data.path("toolCalls")).hasSize(1);
        assertThat(data.path("trace").path("errors").toString()).contains("maximum of 1 tool calls");
        List<FakeLlmServer.Recorded> calls = LLM.requests();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2).body().has("tools")).isFalse();
        assertThat(calls.get(2).body().path("messages").toString()).contains("tool-use limit");
    }

    @Test
    void upstreamFailuresBecomeSpecificErrorsAndOnlyRetryableOnesAreRetried() {
        LLM.enqueue(new FakeLlmServer.Status(500, "{\"error\":\"boom\"}"),
                new FakeLlmServer.Status(503, "{\"error\":\"busy\"}"), new FakeLlmServer.Status(500, "{}"));
        Api.Response failed = api.post("/api/v1/chat", ask("hi"));
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.errorCode()).isEqualTo("PROVIDER_ERROR");
        assertThat(LLM.requests()).hasSize(3);

        LLM.reset();
        LLM.enqueue(new FakeLlmServer.Status(429, "{}"), new FakeLlmServer.Text(List.of("recovered"), 0));
        assertThat(api.post("/api/v1/chat", ask("hi")).data().path("message").asString()).isEqualTo("recovered");
        assertThat(LLM.requests()).hasSize(2);

        LLM.reset();
        LLM.enqueue(new FakeLlmServer.Status(401, "{\"error\":\"bad key " + KEY + "\"}"));
        Api.Response refused = api.post("/api/v1/chat", ask("hi"));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.body().toString()).doesNotContain(KEY);
        assertThat(LLM.requests()).hasSize(1);

        LLM.enqueue(new FakeLlmServer.Status(404, "{\"error\":\"no such model\"}"));
        Api.Response missing = api.post("/api/v1/chat", ask("hi"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("MODEL_NOT_FOUND");
        long failedLogs = jdbc.sql("SELECT count(*) FROM request_logs WHERE error LIKE 'MODEL_NOT_FOUND%'")
                .query(Long.class).single();
        assertThat(failedLogs).isPositive();
    }

    @Test
    void aStalledProviderIsAbandonedWithATimeoutAndItsConnectionClosed() throws Exception {
        LLM.enqueue(new FakeLlmServer.Stall(List.of("thinking")));

        Api.Response r = api.post("/api/v1/chat", ask("hi"));

        assertThat(r.status()).isEqualTo(504);
        assertThat(r.errorCode()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(LLM.awaitHangUp(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String conversation = jdbc.sql("SELECT id FROM conversations ORDER BY created_at DESC LIMIT 1")
                .query(String.class).single();
        JsonNode last = api.get("/api/v1/chat/history/" + conversation).data().path("messages").get(1);
        assertThat(last.path("isError").asBoolean()).isTrue();
        assertThat(last.path("isPartial").asBoolean()).isTrue();
        assertThat(last.path("content").asString()).isEqualTo("thinking");
    }

    @Test
    void aDatabaseFailureWhileRecordingAFinishedAnswerIsNotBlamedOnTheProviderNorRetried() {
        // recording this model's successful calls fails as a database out of connections does (SQLSTATE
        // 53300); a failed call's record (error set) still goes in, as it would once a connection is free
        jdbc.sql("CREATE OR REPLACE FUNCTION test_usage_fails() RETURNS trigger AS $$ BEGIN "
                + "RAISE EXCEPTION 'no connection free' USING ERRCODE = '53300'; END $$ LANGUAGE plpgsql").update();
        jdbc.sql("CREATE TRIGGER test_usage_fails BEFORE INSERT ON usage_records FOR EACH ROW "
                + "WHEN (NEW.model = 'gpt-usage-fails' AND NEW.success) EXECUTE FUNCTION test_usage_fails()").update();
        try {
            LLM.enqueue(new FakeLlmServer.Text(List.of("A complete answer"), 0),
                    new FakeLlmServer.Text(List.of("A second, billed answer"), 0));
            Map<String, Object> body = new HashMap<>(ask("hi"));
            body.put("model", "gpt-usage-fails");

            Api.Response r = api.post("/api/v1/chat", body);

            assertThat(r.status()).isEqualTo(503);
            assertThat(r.errorCode()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(r.body().toString()).doesNotContain("Provider openai failed");
            assertThat(LLM.requests()).hasSize(1);
        } finally {
            jdbc.sql("DROP TRIGGER test_usage_fails ON usage_records").update();
            jdbc.sql("DROP FUNCTION test_usage_fails()").update();
        }
    }

    @Test
    void aCallThatWouldPassTheBudgetIsRefusedBeforeTheProviderIsCalled() {
        api.post("/api/v1/costs/budget", Map.of("dailyLimit", 0.000001, "limitAction", "block"));
        Map<String, Object> body = new HashMap<>(ask("hi"));
        body.put("model", "gpt-4o");

        Api.Response r = api.post("/api/v1/chat", body);

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.errorCode()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(LLM.requests()).isEmpty();
    }

    @Test
    void refusesUnusableProvidersAndBadRequestsWithout5xx() {
        assertThat(api.post("/api/v1/chat", Map.of("message", "hi", "provider", "no-such-provider")).errorCode())
                .isEqualTo("PROVIDER_NOT_FOUND");
        api.post("/api/v1/settings/api-key/deepseek", Map.of("apiKey", "sk-other-provider-key"));
        api.delete("/api/v1/settings/api-key/openai");
        if (System.getenv("OPENAI_API_KEY") == null) {
            Api.Response noKey = api.post("/api/v1/chat", ask("hi"));
            assertThat(noKey.status()).isEqualTo(400);
            assertThat(noKey.errorCode()).isEqualTo("PROVIDER_NOT_CONFIGURED");
            assertThat(noKey.body().path("error").path("message").asString()).contains("OPENAI_API_KEY");
        }
        api.delete("/api/v1/settings/api-key/deepseek");
        api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", KEY));
        assertThat(api.post("/api/v1/chat", Map.of("provider", "openai")).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/chat", Map.of("message", "hi", "bogus", 1)).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/chat", Map.of("message", "hi", "stream", "yes")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/chat", Map.of("message", "hi", "history", List.of(Map.of("role", "system",
                "content", "x")))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/chat", Map.of("message", "hi", "directTools", List.of("no_such_tool"),
                "provider", "openai", "model", MODEL)).status()).isEqualTo(400);
        Api.Response unknown = api.post("/api/v1/chat", Map.of("message", "hi", "provider", "openai", "model", MODEL,
                "conversationId", "does-not-exist"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(api.post("/api/v1/chat", "[1,2]").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/chat", "{\"message\": ").errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/chat"))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("hi")))
                .status()).isEqualTo(415);
        assertThat(api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/chat"))
                .header("Content-Type", "not a type").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")))
                .status()).isEqualTo(415);
        assertThat(LLM.requests()).isEmpty();
    }
}
