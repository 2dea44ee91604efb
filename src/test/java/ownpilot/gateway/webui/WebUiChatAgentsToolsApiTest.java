package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import ownpilot.gateway.support.Sse;
import tools.jackson.databind.JsonNode;

/**
 * The Chat, Logs, Agents, Tools, Custom Tools and System pages (web-ui-client.md §2, §3.1–3.5): the
 * fields each reads without a guard, with the bodies (or no bodies) the UI sends.
 */
class WebUiChatAgentsToolsApiTest extends ApiTestBase {

    @BeforeEach
    void pointOpenAiAtTheFakeServer() {
        useFakeOpenAi("sk-test-webui-0123456789abcdef");
    }

    /** The UI's body (§2.1): stream, empty history, includeToolList; it reads deltas and a done flag in the data. */
    @Test
    void theChatPageStreamsDeltasAndADoneEventWithEveryTraceList() {
        LLM.enqueue(new FakeLlmServer.ToolCall("call_1", "use_tool",
                        "{\"tool_name\":\"calculate\",\"arguments\":{\"expression\":\"6*7\"}}", 9),
                new FakeLlmServer.Text(List.of("The answer ", "is 42"), 0));
        Sse.Stream s = Sse.post(port, "/api/v1/chat", Map.of("message", "6*7?", "provider", "openai",
                "model", "gpt-test", "stream", true, "includeToolList", true, "history", List.of()));
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.contentType()).contains("text/event-stream");
        for (String line : s.rawBody().split("\n")) {
            if (line.startsWith("data:")) {
                assertThat(Api.parse(line.substring(5).trim()).isObject()).as("one JSON object per data line").isTrue();
            }
        }
        StringBuilder deltas = new StringBuilder();
        JsonNode done = null;
        for (Sse.Event e : s.events()) {
            if (e.data().path("delta").isString()) {
                deltas.append(e.data().path("delta").asString());
            }
            if (e.data().path("done").asBoolean(false)) {
                done = e.data();
            }
        }
        assertThat(deltas.toString()).isEqualTo("The answer is 42");
        assertThat(done).as("an event whose data has done: true").isNotNull();
        JsonNode trace = done.path("trace");
        for (String list : List.of("toolCalls", "modelCalls", "errors", "autonomyChecks", "triggersFired", "events")) {
            assertThat(trace.path(list).isArray()).as(list).isTrue();
        }
        assertThat(trace.path("dbOperations").path("reads").isNumber()).isTrue();
        assertThat(trace.path("dbOperations").path("writes").isNumber()).isTrue();
        assertThat(trace.path("memoryOps").path("adds").isNumber()).isTrue();
        assertThat(trace.path("memoryOps").path("recalls").isNumber()).isTrue();
        assertThat(trace.path("request").path("tools").isArray()).as("the UI lists the offered tools").isTrue();
        assertThat(trace.path("toolCalls").path(0).path("result").isString()).as("shown as raw text").isTrue();
        assertThat(trace.path("events").path(0).path("type").isString()).isTrue();
        JsonNode call = done.path("toolCalls").path(0);
        assertThat(call.path("name").isString()).isTrue();
        assertThat(call.path("arguments").isObject()).as("an object, never an invalid JSON string").isTrue();
        assertThat(s.named("progress").stream().map(e -> e.data().path("type").asString()))
                .contains("tool_start", "tool_end");
    }

    @Test
    void theNonStreamedReplyCarriesResponseAndTheTrace() {
        LLM.enqueue(new FakeLlmServer.Text(List.of("plain"), 0));
        JsonNode data = api.post("/api/v1/chat", Map.of("message", "hi", "provider", "openai", "model", "gpt-test",
                "newConversation", true)).data();
        assertThat(data.path("response").asString()).isEqualTo("plain");
        assertThat(data.path("toolCalls").isArray()).isTrue();
        assertThat(data.path("trace").path("modelCalls").path(0).path("inputTokens").isNumber()).isTrue();
    }

    @Test
    void theLogsPageGetsWrappedLogsWithNumericOrNullCountsAndClearsThem() {
        LLM.enqueue(new FakeLlmServer.Text(List.of("logged"), 0));
        api.post("/api/v1/chat", Map.of("message", "log me", "provider", "openai", "model", "gpt-test",
                "newConversation", true));
        JsonNode logs = api.get("/api/v1/chat/logs?limit=100&type=chat&errors=false").data().path("logs");
        assertThat(logs.isArray()).isTrue();
        assertThat(logs.size()).isPositive();
        for (JsonNode log : logs) {
            for (String count : List.of("inputTokens", "outputTokens", "statusCode", "durationMs")) {
                assertThat(log.has(count)).as(count + " is never omitted").isTrue();
                assertThat(log.path(count).isNumber() || log.path(count).isNull()).as(count).isTrue();
            }
            assertThat(log.path("error").isNull() || log.path("error").isString()).isTrue();
        }
        JsonNode stats = api.get("/api/v1/chat/logs/stats?days=7").data();
        assertThat(stats.path("totalInputTokens").isNumber()).isTrue();
        assertThat(stats.path("totalOutputTokens").isNumber()).isTrue();
        assertThat(stats.path("successCount").isNumber()).isTrue();
        JsonNode detail = api.get("/api/v1/chat/logs/" + logs.path(0).path("id").asString()).data();
        assertThat(detail.path("totalTokens").isNumber()).isTrue();
        assertThat(detail.has("errorStack")).isTrue();
        assertThat(detail.path("requestBody").isObject()).isTrue();
        assertThat(api.delete("/api/v1/chat/logs?olderThanDays=30").data().path("deleted").isNumber()).isTrue();
        assertThat(api.delete("/api/v1/chat/logs?all=true").data().path("deleted").asInt()).isPositive();
    }

    @Test
    void theAgentsPageCreatesEditsWithTopLevelConfigAndListsNamesAndTools() {
        String name = "UI agent " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response created = api.post("/api/v1/agents", Map.of("name", name, "systemPrompt", "Be brief",
                "provider", "openai", "model", "gpt-test", "tools", List.of("calculate")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("name").asString()).isEqualTo(name);
        assertThat(created.data().path("tools").isArray()).isTrue();
        String id = created.data().path("id").asString();
        Api.Response edited = api.patch("/api/v1/agents/" + id, Map.of("name", name + "!", "systemPrompt", "Brief",
                "tools", List.of("calculate", "get_current_time"), "maxTokens", 2048, "temperature", 0.3,
                "maxTurns", 5, "maxToolCalls", 7));
        assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
        assertThat(edited.data().path("tools").size()).isEqualTo(2);
        assertThat(edited.data().path("config").path("maxTokens").asInt()).isEqualTo(2048);
        assertThat(edited.data().path("config").path("maxToolCalls").asInt()).isEqualTo(7);
        JsonNode listed = api.get("/api/v1/agents").data();
        assertThat(listed.isArray()).isTrue();
        for (JsonNode agent : listed) {
            assertThat(agent.path("name").isString()).isTrue();
            assertThat(agent.path("tools").isArray()).isTrue();
        }
        JsonNode one = api.get("/api/v1/agents/" + id).data();
        assertThat(one.path("provider").asString()).isEqualTo("openai");
        api.delete("/api/v1/agents/" + id);
    }

    @Test
    void theToolsPageGetsAnArrayOrGroupedCategoriesWithInfoAndRunsATool() {
        JsonNode plain = api.get("/api/v1/tools").data();
        assertThat(plain.isArray()).as("the Agents modals map over it").isTrue();
        assertThat(plain.path(0).path("name").isString()).isTrue();
        JsonNode grouped = api.get("/api/v1/tools?grouped=true").data();
        assertThat(grouped.path("totalTools").asInt()).isEqualTo(plain.size());
        assertThat(grouped.path("categories").isObject()).isTrue();
        for (JsonNode category : grouped.path("categories")) {
            assertThat(category.path("info").path("description").isString()).isTrue();
            assertThat(category.path("tools").isArray()).isTrue();
            assertThat(category.path("tools").path(0).path("parameters").isObject()).isTrue();
        }
        assertThat(api.get("/api/v1/tools/calculate/source").data().path("source").asString())
                .contains("calculate").contains("expression");
        JsonNode run = api.post("/api/v1/tools/calculate/execute", Map.of("arguments", Map.of("expression", "2+2")))
                .body();
        assertThat(run.path("success").asBoolean()).isTrue();
    }

    @Test
    void theCustomToolsPageListsWrappedToolsCountsThemAndActsWithoutBodies() {
        String name = "ui_tool_" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response created = api.post("/api/v1/custom-tools", Map.of("name", name, "description", "Doubles",
                "parameters", Map.of("type", "object", "properties", Map.of("n", Map.of("type", "number"))),
                "code", "return { doubled: args.n * 2 };", "permissions", List.of(), "requiresApproval", false,
                "createdBy", "user"));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.data().path("id").asString();
        JsonNode tools = api.get("/api/v1/custom-tools?status=active").data().path("tools");
        assertThat(tools.isArray()).isTrue();
        JsonNode mine = tools.valueStream().filter(t -> t.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(mine.path("permissions").isArray()).isTrue();
        assertThat(mine.path("code").isString()).isTrue();
        assertThat(api.get("/api/v1/custom-tools?status=rejected").status()).isEqualTo(200);
        JsonNode stats = api.get("/api/v1/custom-tools/stats").data();
        for (String count : List.of("total", "active", "disabled", "pendingApproval", "createdByLLM",
                "createdByUser", "totalUsage")) {
            assertThat(stats.path(count).isNumber()).as(count).isTrue();
        }
        assertThat(bodiless("/api/v1/custom-tools/" + id + "/disable").status()).isEqualTo(200);
        assertThat(bodiless("/api/v1/custom-tools/" + id + "/enable").status()).isEqualTo(200);
        JsonNode ran = api.post("/api/v1/custom-tools/" + id + "/execute", Map.of("arguments", Map.of("n", 21)))
                .data();
        assertThat(ran.path("result").path("doubled").asInt()).isEqualTo(42);
        assertThat(api.delete("/api/v1/custom-tools/" + id).status()).isEqualTo(200);
    }

    @Test
    void theSystemPageReadsVersionUptimeDatabaseAndSandbox() {
        JsonNode health = api.get("/api/v1/health").data();
        assertThat(health.path("version").isString()).isTrue();
        assertThat(health.path("uptime").isNumber()).isTrue();
        assertThat(health.path("database").path("connected").asBoolean()).isTrue();
        JsonNode sandbox = health.path("sandbox");
        assertThat(sandbox.path("dockerAvailable").isBoolean()).isTrue();
        assertThat(sandbox.has("dockerVersion")).isTrue();
        assertThat(sandbox.path("codeExecutionEnabled").isBoolean()).isTrue();
        assertThat(sandbox.path("securityMode").isString()).isTrue();
    }

    private Api.Response bodiless(String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }
}
