package ownpilot.gateway.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.HostileInput;
import tools.jackson.databind.JsonNode;

class TaskApiTest extends ApiTestBase {

    private final String marker = "t" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void crudLifecycle() {
        Api.Response created = api.post("/api/v1/tasks", Map.of("title", "Write report " + marker,
                "description", "quarterly", "priority", "high", "dueDate", "2031-03-04", "dueTime", "09:30",
                "tags", List.of("work"), "category", "office"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.data();
        String id = task.path("id").asString();
        assertThat(task.path("status").asString()).isEqualTo("pending");
        assertThat(task.path("priority").asString()).isEqualTo("high");
        assertThat(task.path("dueDate").asString()).isEqualTo("2031-03-04");
        assertThat(task.path("dueTime").asString()).isEqualTo("09:30");
        assertThat(task.path("tags").get(0).asString()).isEqualTo("work");

        assertThat(api.get("/api/v1/tasks/" + id).data().path("title").asString()).isEqualTo("Write report " + marker);

        Api.Response patched = api.patch("/api/v1/tasks/" + id, Map.of("status", "completed", "description", ""));
        assertThat(patched.data().path("status").asString()).isEqualTo("completed");
        assertThat(patched.data().path("completedAt").isString()).isTrue();
        assertThat(patched.data().path("title").asString()).isEqualTo("Write report " + marker);

        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("status", "in_progress");
        clear.put("dueDate", null);
        Api.Response reopened = api.patch("/api/v1/tasks/" + id, clear);
        assertThat(reopened.data().path("completedAt").isNull()).isTrue();
        assertThat(reopened.data().path("dueDate").isNull()).isTrue();

        assertThat(api.post("/api/v1/tasks/" + id + "/complete", "").data().path("status").asString())
                .isEqualTo("completed");
        assertThat(api.get("/api/v1/tasks/categories").data().toString()).contains("office");

        Api.Response deleted = api.delete("/api/v1/tasks/" + id);
        assertThat(deleted.data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/tasks/" + id).status()).isEqualTo(404);
    }

    @Test
    void filtersSearchAndPaging() {
        api.post("/api/v1/tasks", Map.of("title", "Alpha " + marker, "priority", "low", "category", marker));
        api.post("/api/v1/tasks", Map.of("title", "Beta " + marker, "priority", "urgent", "category", marker,
                "projectId", "p-" + marker));
        api.post("/api/v1/tasks", Map.of("title", "Gamma " + marker, "description", "running errands",
                "category", marker));

        List<String> byPriority = titles(api.get("/api/v1/tasks?category=" + marker));
        assertThat(byPriority).containsExactly("Beta " + marker, "Gamma " + marker, "Alpha " + marker);
        assertThat(titles(api.get("/api/v1/tasks?category=" + marker + "&priority=urgent")))
                .containsExactly("Beta " + marker);
        assertThat(titles(api.get("/api/v1/tasks?projectId=p-" + marker))).containsExactly("Beta " + marker);
        assertThat(titles(api.get("/api/v1/tasks?search=" + marker + "%20run"))).containsExactly("Gamma " + marker);
        assertThat(titles(api.get("/api/v1/tasks?search=errand%20" + marker))).containsExactly("Gamma " + marker);
        assertThat(titles(api.get("/api/v1/tasks?category=" + marker + "&limit=1&offset=1")))
                .containsExactly("Gamma " + marker);
        assertThat(api.get("/api/v1/tasks?status=done").errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(titles(api.get("/api/v1/tasks?priority=medium&category=" + marker)))
                .as("medium is the default priority").containsExactly("Gamma " + marker);
    }

    @Test
    void dateViewsFollowTheUsersTimeZone() {
        String zone = "Pacific/Kiritimati";
        api.post("/api/v1/settings/timezone", Map.of("value", zone));
        try {
            LocalDate today = LocalDate.now(ZoneId.of(zone));
            post("today", today);
            post("yesterday", today.minusDays(1));
            post("in3days", today.plusDays(3));
            post("in10days", today.plusDays(10));
            String done = api.post("/api/v1/tasks", Map.of("title", marker + " done", "category", marker,
                    "dueDate", today.minusDays(2).toString())).data().path("id").asString();
            api.post("/api/v1/tasks/" + done + "/complete", "");

            assertThat(mine(api.get("/api/v1/tasks/today"))).containsExactly(marker + " today");
            assertThat(mine(api.get("/api/v1/tasks/overdue"))).containsExactly(marker + " yesterday");
            assertThat(mine(api.get("/api/v1/tasks/upcoming"))).containsExactly(marker + " in3days");
            assertThat(mine(api.get("/api/v1/tasks/upcoming?days=14")))
                    .containsExactly(marker + " in3days", marker + " in10days");
            assertThat(api.get("/api/v1/tasks/upcoming?days=0").status()).isEqualTo(400);
        } finally {
            api.delete("/api/v1/settings/timezone");
        }
    }

    @Test
    void parentMustBeOneOfTheUsersTasks() {
        String parent = api.post("/api/v1/tasks", Map.of("title", "parent " + marker)).data().path("id").asString();
        assertThat(api.post("/api/v1/tasks", Map.of("title", "child", "parentId", parent)).status()).isEqualTo(201);
        Api.Response orphan = api.post("/api/v1/tasks", Map.of("title", "child", "parentId", "missing"));
        assertThat(orphan.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.patch("/api/v1/tasks/" + parent, Map.of("parentId", parent)).status()).isEqualTo(400);
    }

    @Test
    void hostileInputIsRefusedAndChangesNothing() {
        HostileInput.assertRefusedWithoutChange(api, "/api/v1/tasks", Map.of("title", "Safe " + marker),
                "title", "priority", "tasks", () -> rows("tasks"));
        assertThat(api.post("/api/v1/tasks", Map.of("title", "t", "status", "archived")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tasks", Map.of("title", "t", "dueDate", "2026-02-30")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tasks", Map.of("title", "   ")).status()).isEqualTo(400);
    }

    private void post(String suffix, LocalDate due) {
        api.post("/api/v1/tasks", Map.of("title", marker + " " + suffix, "dueDate", due.toString()));
    }

    private List<String> mine(Api.Response r) {
        return titles(r).stream().filter(t -> t.startsWith(marker)).toList();
    }

    static List<String> titles(Api.Response r) {
        assertThat(r.status()).isEqualTo(200);
        return r.data().findValuesAsString("title");
    }
}
