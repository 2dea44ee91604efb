package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** The Memories, Goals and Profile pages (web-ui-client.md §3.15, §3.16, §3.26) with the UI's own bodies. */
class WebUiMemoryGoalProfileApiTest extends ApiTestBase {

    @Test
    void theMemoriesPageSearchesWithQueryAndUsesTheConversationType() {
        String id = api.post("/api/v1/memories", Map.of("content", "We talked about moving to Lisbon next spring",
                "type", "conversation", "importance", 0.5)).data().path("memory").path("id").asString();
        JsonNode page = api.get("/api/v1/memories?query=relocation%20plans&type=conversation").data();
        assertThat(page.path("memories").isArray()).isTrue();
        JsonNode hit = page.path("memories").path(0);
        assertThat(hit.path("id").asString()).isEqualTo(id);
        for (String field : java.util.List.of("type", "content", "importance", "createdAt")) {
            assertThat(hit.has(field)).as(field).isTrue();
        }
        assertThat(api.patch("/api/v1/memories/" + id, Map.of("content", "We plan to move to Lisbon in April",
                "type", "conversation", "importance", 0.7)).body().path("success").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/memories/" + id).body().path("success").asBoolean()).isTrue();
    }

    @Test
    void theGoalsPageListsGoalsAndStepsWrapped() {
        String id = api.post("/api/v1/goals", Map.of("title", "Write a book", "description", "A novel", "priority", 6,
                "dueDate", "2028-01-31")).data().path("id").asString();
        JsonNode goal = api.get("/api/v1/goals?status=active").data().path("goals").valueStream()
                .filter(g -> g.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(goal.path("priority").asInt()).isEqualTo(6);
        assertThat(goal.path("progress").isNumber()).isTrue();
        assertThat(api.get("/api/v1/goals/" + id + "/steps").data().path("steps").isArray()).isTrue();
        assertThat(api.patch("/api/v1/goals/" + id, Map.of("status", "paused")).data().path("status").asString())
                .isEqualTo("paused");
        assertThat(api.delete("/api/v1/goals/" + id).status()).isEqualTo(200);
    }

    @Test
    void theProfilePageAlwaysGetsMeta() {
        jdbc.sql("DELETE FROM profiles").update();
        JsonNode empty = api.get("/api/v1/profile").data();
        assertThat(empty.path("meta").path("completeness").isNumber()).as("read without a guard").isTrue();
        assertThat(empty.path("meta").path("totalEntries").asInt()).isZero();
        for (String section : java.util.List.of("identity", "location", "work", "communication", "aiPreferences",
                "lifestyle", "goals")) {
            assertThat(empty.path(section).isObject()).as(section).isTrue();
        }
        JsonNode quick = api.post("/api/v1/profile/quick", Map.of("name", "Lin", "timezone", "Asia/Tokyo",
                "language", "ja", "communicationStyle", "formal", "autonomyLevel", "low")).data();
        assertThat(quick.path("profile").path("meta").path("completeness").asInt()).isPositive();
        assertThat(api.post("/api/v1/profile/data", Map.of("category", "instructions", "key", "instruction_17",
                "value", "Use metric units")).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/profile/export").data().path("entries").isArray()).isTrue();
    }
}
