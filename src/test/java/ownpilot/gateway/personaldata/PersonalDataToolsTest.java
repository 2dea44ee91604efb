package ownpilot.gateway.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.tools.ToolExecution;
import ownpilot.gateway.tools.ToolRegistry;
import ownpilot.gateway.tools.ToolResult;
import tools.jackson.databind.JsonNode;

class PersonalDataToolsTest extends ApiTestBase {

    @Autowired
    ToolRegistry registry;

    @Autowired
    ToolExecution tools;

    /** Runs a tool and returns its result, failing the test when the tool reports an error. */
    private Object run(String name, JsonNode args) {
        ToolResult result = tools.execute(name, Actor.user("default", "test"), args);
        if (result.isError()) {
            throw new ToolError(String.valueOf(result.result()));
        }
        return result.result();
    }

    static final class ToolError extends RuntimeException {
        ToolError(String message) {
            super(message);
        }
    }

    private final String marker = "tool" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyResourceContributesItsTools() {
        for (String noun : new String[] {"task", "bookmark", "note", "calendar_event", "contact"}) {
            for (String verb : new String[] {"add_", "get_", "update_", "delete_"}) {
                assertThat(registry.find(verb + noun)).as(verb + noun).isPresent();
            }
            assertThat(registry.find("list_" + noun + "s")).isPresent();
            assertThat(registry.find("batch_add_" + noun + "s")).isPresent();
        }
        ToolDefinition add = registry.find("add_task").orElseThrow();
        assertThat(add.source()).isEqualTo("personalData");
        assertThat(add.category()).isEqualTo("tasks");
        assertThat(add.parameters().path("required").toString()).contains("title");
        assertThat(add.parameters().path("properties").path("priority").path("enum").toString()).contains("urgent");
    }

    @Test
    void toolsWriteWhatTheApiReads() {
        Object created = run("add_task", Api.parse(
                "{\"title\":\"" + marker + "\",\"priority\":\"urgent\"}"));
        String id = String.valueOf(((Map<?, ?>) created).get("id"));
        assertThat(api.get("/api/v1/tasks/" + id).data().path("priority").asString()).isEqualTo("urgent");

        run("complete_task", Api.parse("{\"taskId\":\"" + id + "\"}"));
        assertThat(api.get("/api/v1/tasks/" + id).data().path("status").asString()).isEqualTo("completed");

        Object listed = run("list_tasks", Api.parse("{\"search\":\"" + marker + "\"}"));
        assertThat(listed.toString()).contains(marker);

        run("delete_task", Api.parse("{\"taskId\":\"" + id + "\"}"));
        assertThat(api.get("/api/v1/tasks/" + id).status()).isEqualTo(404);
    }

    @Test
    void toolArgumentsAreValidatedLikeRequestBodies() {
        JsonNode bad = Api.parse("{\"title\":\"x\",\"priority\":\"sometime\"}");
        assertThatThrownBy(() -> run("add_task", bad)).isInstanceOf(ApiException.class)
                .hasMessageContaining("priority");
        assertThatThrownBy(() -> run("get_task", Api.parse("{}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("taskId");
        assertThatThrownBy(() -> run("list_tasks", Api.parse("{\"limit\":500}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> run("get_task", Api.parse("{\"taskId\":\"missing\"}")))
                .isInstanceOf(ToolError.class).hasMessageContaining("Task not found");
    }

    @Test
    void batchAddIsAllOrNothing() {
        long before = rows("notes");
        JsonNode batch = Api.parse("{\"items\":[{\"title\":\"a\",\"content\":\"1\"},{\"title\":\"b\"}]}");
        assertThatThrownBy(() -> run("batch_add_notes", batch)).isInstanceOf(ApiException.class)
                .hasMessageContaining("items[1].content");
        assertThat(rows("notes")).isEqualTo(before);

        JsonNode parents = Api.parse("{\"items\":[{\"title\":\"" + marker + "\"},{\"title\":\"child\",\"parentId\":"
                + "\"missing-parent\"}]}");
        long tasks = rows("tasks");
        assertThatThrownBy(() -> run("batch_add_tasks", parents)).isInstanceOf(ToolError.class)
                .hasMessageContaining("parentId");
        assertThat(rows("tasks")).as("the first item is rolled back too").isEqualTo(tasks);

        Object ok = run("batch_add_contacts", Api.parse(
                "{\"items\":[{\"name\":\"" + marker + " 1\"},{\"name\":\"" + marker + " 2\"}]}"));
        assertThat(((Map<?, ?>) ok).get("count")).isEqualTo(2);
    }
}
