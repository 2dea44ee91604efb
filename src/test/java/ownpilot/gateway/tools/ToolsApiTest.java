package ownpilot.gateway.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class ToolsApiTest extends ApiTestBase {

    @Autowired
    ToolRegistry registry;

    @Test
    void listsEveryToolAndEveryListedToolIsDescribed() {
        Api.Response list = api.get("/api/v1/tools");
        assertThat(list.status()).isEqualTo(200);
        List<String> names = list.data().valueStream().map(t -> t.path("name").asString()).toList();
        assertThat(names).contains("calculate", "get_current_time", "add_task", "search_tools", "convert_units")
                .hasSize(registry.all("default").size()).doesNotHaveDuplicates();
        for (JsonNode tool : list.data()) {
            assertThat(tool.path("parameters").path("type").asString()).isEqualTo("object");
            assertThat(tool.path("category").asString()).isNotBlank();
        }
        assertThat(api.get("/api/v1/tools/calculate").data().path("source").asString()).isEqualTo("core");
        assertThat(api.get("/api/v1/tools/no_such_tool").errorCode()).isEqualTo("TOOL_NOT_FOUND");
        assertThat(api.get("/api/v1/tools?agentId=agent_x").status()).isEqualTo(404);
    }

    @Test
    void everyListedToolCanBeExecuted() {
        for (JsonNode tool : api.get("/api/v1/tools").data()) {
            String name = tool.path("name").asString();
            Api.Response r = api.post("/api/v1/tools/" + name + "/execute", Map.of("arguments", Map.of()));
            assertThat(r.status()).as(name + " " + r.raw().body()).isIn(200, 400);
            if (r.status() == 400) {
                assertThat(r.errorCode()).as(name).isEqualTo("VALIDATION_ERROR");
                assertThat(r.body().path("error").path("details").toString()).as(name).contains("is required");
            } else {
                assertThat(r.data().path("tool").asString()).isEqualTo(name);
            }
        }
    }

    @Test
    void groupedViewsAndCategoryCountsAgree() {
        Api.Response categories = api.get("/api/v1/tools/meta/categories");
        int total = 0;
        for (var e : categories.data().properties()) {
            total += e.getValue().path("count").asInt();
            assertThat(e.getValue().path("description").asString()).isNotBlank();
        }
        assertThat(total).isEqualTo(registry.all("default").size());
        Api.Response grouped = api.get("/api/v1/tools/meta/grouped");
        assertThat(grouped.data().path("totalTools").asInt()).isEqualTo(total);
        assertThat(grouped.data().path("categories").path("tasks").path("tools").valueStream()
                .map(t -> t.path("name").asString()).toList())
                .contains("add_task", "complete_task");
        assertThat(api.get("/api/v1/tools?grouped=true").data().path("totalCategories").asInt())
                .isEqualTo(categories.data().size());
    }

    @Test
    void sourceNamesTheImplementation() {
        Api.Response source = api.get("/api/v1/tools/calculate/source");
        assertThat(source.data().path("implementation").asString()).isEqualTo("ownpilot.gateway.tools.builtin.MathTools");
        assertThat(source.data().path("parameters").path("required").toString()).contains("expression");
    }

    @Test
    void executeReturnsResultIsErrorAndDuration() {
        Api.Response ok = api.post("/api/v1/tools/calculate/execute", Map.of("arguments", Map.of("expression", "2 + 2")));
        assertThat(ok.data().path("tool").asString()).isEqualTo("calculate");
        assertThat(ok.data().path("result").asString()).isEqualTo("4");
        assertThat(ok.data().path("isError").asBoolean()).isFalse();
        assertThat(ok.data().path("duration").isIntegralNumber()).isTrue();

        Api.Response failed = api.post("/api/v1/tools/calculate/execute", Map.of("arguments", Map.of("expression", "1/0")));
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.data().path("isError").asBoolean()).isTrue();
        assertThat(failed.data().path("result").asString()).isEqualTo("Division by zero");
    }

    @Test
    void argumentsAreValidatedAgainstTheSchemaBeforeRunning() {
        long before = rows("tasks");
        Api.Response wrong = api.post("/api/v1/tools/add_task/execute",
                Map.of("arguments", Map.of("title", 5, "priority", "someday", "extra", true)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("error").path("details").findValuesAsString("field"))
                .containsExactlyInAnyOrder("title", "priority", "extra");
        assertThat(api.post("/api/v1/tools/calculate/execute", Map.of("arguments", "2+2")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tools/calculate/execute", "[1]").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tools/calculate/execute", "{bad json").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tools/calculate/execute",
                Map.of("arguments", Map.of("expression", "1+".repeat(50_000)))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tools/nope/execute", Map.of()).errorCode()).isEqualTo("TOOL_NOT_FOUND");
        assertThat(rows("tasks")).isEqualTo(before);
    }

    @Test
    void batchRunsInParallelOrInOrderAndReportsEachItem() {
        for (boolean parallel : new boolean[] {true, false}) {
            Api.Response r = api.post("/api/v1/tools/batch", Map.of("parallel", parallel, "executions", List.of(
                    Map.of("tool", "calculate", "arguments", Map.of("expression", "10 * 5")),
                    Map.of("tool", "get_current_time", "arguments", Map.of()),
                    Map.of("tool", "missing_tool"),
                    Map.of("tool", "calculate", "arguments", Map.of("expression", "1/0")),
                    Map.of("tool", "calculate", "arguments", Map.of("nope", 1)))));
            assertThat(r.status()).isEqualTo(200);
            JsonNode results = r.data().path("results");
            assertThat(results).hasSize(5);
            assertThat(results.get(0).path("result").asString()).isEqualTo("50");
            assertThat(results.get(2).path("error").asString()).isEqualTo("Tool not found: missing_tool");
            assertThat(results.get(3).path("isError").asBoolean()).isTrue();
            assertThat(results.get(4).path("error").asString()).contains("expression");
            assertThat(r.data().path("successCount").asInt()).isEqualTo(2);
            assertThat(r.data().path("failureCount").asInt()).isEqualTo(3);
        }
        assertThat(api.post("/api/v1/tools/batch", Map.of("executions", List.of())).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tools/batch", Map.of("executions", List.of(Map.of("tool", "x")),
                "parallel", "yes")).status()).isEqualTo(400);
    }

    @Test
    void streamSendsStartResultComplete() {
        Api.Response r = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tools/convert_units/stream"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"arguments\":{\"value\":1,\"from\":\"km\",\"to\":\"m\"}}")));
        String body = r.raw().body();
        assertThat(r.status()).isEqualTo(200);
        assertThat(body).containsSubsequence("event:start", "event:result", "\"value\":\"1000\"", "event:complete");
        assertThat(body).doesNotContain("event:error");

        Api.Response invalid = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tools/convert_units/stream"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"arguments\":{}}")));
        assertThat(invalid.status()).isEqualTo(400);
    }
}
