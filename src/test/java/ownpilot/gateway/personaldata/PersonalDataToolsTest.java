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
import ownpilot.gateway.tools.ToolRegistry;
import tools.jackson.databind.JsonNode;

class PersonalDataToolsTest extends ApiTestBase {

    @Autowired
    ToolRegistry registry;

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
        Object created = registry.execute("add_task", "default", Api.parse(
                "{\"title\":\"" + marker + "\",\"priority\":\"urgent\"}"));
        String id = String.valueOf(((Map<?, ?>) created).get("id"));
        assertThat(api.get("/api/v1/tasks/" + id).data().path("priority").asString()).isEqualTo("urgent");

        registry.execute("complete_task", "default", Api.parse("{\"taskId\":\"" + id + "\"}"));
        assertThat(api.get("/api/v1/tasks/" + id).data().path("status").asString()).isEqualTo("completed");

        Object listed = registry.execute("list_tasks", "default", Api.parse("{\"search\":\"" + marker + "\"}"));
        assertThat(listed.toString()).contains(marker);

        registry.execute("delete_task", "default", Api.parse("{\"taskId\":\"" + id + "\"}"));
        assertThat(api.get("/api/v1/tasks/" + id).status()).isEqualTo(404);
    }

    @Test
    void toolArgumentsAreValidatedLikeRequestBodies() {
        JsonNode bad = Api.parse("{\"title\":\"x\",\"priority\":\"sometime\"}");
        assertThatThrownBy(() -> registry.execute("add_task", "default", bad)).isInstanceOf(ApiException.class)
                .hasMessageContaining("priority");
        assertThatThrownBy(() -> registry.execute("get_task", "default", Api.parse("{}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("taskId");
        assertThatThrownBy(() -> registry.execute("list_tasks", "default", Api.parse("{\"limit\":500}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("limit");
    }

    @Test
    void batchAddIsAllOrNothing() {
        long before = rows("notes");
        JsonNode batch = Api.parse("{\"items\":[{\"title\":\"a\",\"content\":\"1\"},{\"title\":\"b\"}]}");
        assertThatThrownBy(() -> registry.execute("batch_add_notes", "default", batch))
                .isInstanceOf(ApiException.class);
        assertThat(rows("notes")).isEqualTo(before);

        JsonNode parents = Api.parse("{\"items\":[{\"title\":\"" + marker + "\"},{\"title\":\"child\",\"parentId\":"
                + "\"missing-parent\"}]}");
        long tasks = rows("tasks");
        assertThatThrownBy(() -> registry.execute("batch_add_tasks", "default", parents))
                .isInstanceOf(ApiException.class);
        assertThat(rows("tasks")).as("the first item is rolled back too").isEqualTo(tasks);

        Object ok = registry.execute("batch_add_contacts", "default", Api.parse(
                "{\"items\":[{\"name\":\"" + marker + " 1\"},{\"name\":\"" + marker + " 2\"}]}"));
        assertThat(((Map<?, ?>) ok).get("count")).isEqualTo(2);
    }
}
