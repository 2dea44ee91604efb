package ownpilot.gateway.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class GoalsApiTest extends ApiTestBase {

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM goals").update();
    }

    private String goal(Map<String, Object> body) {
        Api.Response r = api.post("/api/v1/goals", body);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.data().path("id").asString();
    }

    private String step(String goal, Map<String, Object> body) {
        return api.post("/api/v1/goals/" + goal + "/steps", body).data().path("steps").path(0).path("id").asString();
    }

    @Test
    void progressFollowsTheStepsAlsoWhenOneIsAdded() {
        String g = goal(Map.of("title", "Run a marathon", "priority", 8, "dueDate", "2027-04-30"));
        String a = step(g, Map.of("title", "Buy shoes"));
        String b = step(g, Map.of("title", "Run 10 km"));
        assertThat(api.post("/api/v1/goals/" + g + "/steps/" + a + "/complete", Map.of("result", "done")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/goals/" + g).data().path("progress").asInt()).isEqualTo(50);
        step(g, Map.of("title", "Run 30 km"));
        assertThat(api.get("/api/v1/goals/" + g).data().path("progress").asInt()).as("1 of 3").isEqualTo(33);
        api.patch("/api/v1/goals/" + g + "/steps/" + b, Map.of("status", "skipped"));
        assertThat(api.get("/api/v1/goals/" + g).data().path("progress").asInt()).as("skipped does not count")
                .isEqualTo(50);
        assertThat(api.patch("/api/v1/goals/" + g, Map.of("progress", 90)).status()).as("progress follows steps")
                .isEqualTo(400);
        String manual = goal(Map.of("title", "Read more"));
        assertThat(api.patch("/api/v1/goals/" + manual, Map.of("progress", 40)).data().path("progress").asInt())
                .isEqualTo(40);
    }

    @Test
    void nextActionsAreStepsWhoseDependenciesAreDoneMostImportantGoalFirst() {
        String low = goal(Map.of("title", "Tidy garage", "priority", 2));
        String high = goal(Map.of("title", "Move house", "priority", 9));
        String pack = step(high, Map.of("title", "Pack boxes"));
        String van = step(high, Map.of("title", "Rent a van"));
        String drive = step(high, Map.of("title", "Drive", "dependencies", List.of(pack, van)));
        step(low, Map.of("title", "Sort tools"));
        List<String> next = titles(api.get("/api/v1/goals/next-actions").data().path("actions"));
        assertThat(next).containsExactly("Pack boxes", "Rent a van", "Sort tools");
        api.post("/api/v1/goals/" + high + "/steps/" + pack + "/complete", null);
        api.post("/api/v1/goals/" + high + "/steps/" + van + "/complete", null);
        JsonNode actions = api.get("/api/v1/goals/next-actions?limit=5").data().path("actions");
        assertThat(titles(actions)).containsExactly("Drive", "Sort tools");
        assertThat(actions.path(0).path("goalTitle").asString()).isEqualTo("Move house");
        assertThat(actions.path(0).path("id").asString()).isEqualTo(drive);
        api.patch("/api/v1/goals/" + high, Map.of("status", "paused"));
        assertThat(titles(api.get("/api/v1/goals/next-actions").data().path("actions"))).containsExactly("Sort tools");
    }

    @Test
    void cyclesAndBadFieldsAreRefusedWithPreciseErrors() {
        String top = goal(Map.of("title", "Top"));
        String mid = goal(Map.of("title", "Mid", "parentId", top));
        String leaf = goal(Map.of("title", "Leaf", "parentId", mid));
        assertThat(api.patch("/api/v1/goals/" + top, Map.of("parentId", leaf)).errorCode()).isEqualTo("GOAL_CYCLE");
        assertThat(api.patch("/api/v1/goals/" + top, Map.of("parentId", top)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/goals", Map.of("title", "x", "priority", 11)).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/goals", Map.of("title", "x", "priority", "high")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/goals", Map.of("title", "x", "status", "done")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/goals", Map.of("title", "x", "dueDate", "next week")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/goals", Map.of("title", "x", "parentId", "goal_nope")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/goals", Map.of("description", "no title")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/goals?status=finished").status()).isEqualTo(400);
        String a = step(top, Map.of("title", "A"));
        String b = step(top, Map.of("title", "B", "dependencies", List.of(a)));
        assertThat(api.patch("/api/v1/goals/" + top + "/steps/" + a, Map.of("dependencies", List.of(b))).errorCode())
                .isEqualTo("STEP_CYCLE");
        assertThat(api.patch("/api/v1/goals/" + top + "/steps/" + a, Map.of("dependencies", List.of("step_x")))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/goals/" + top + "/steps", Map.of("title", "C", "status", "waiting")).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/goals/active").status()).as("not taken for an id").isEqualTo(200);
        assertThat(api.get("/api/v1/goals/goal_missing").status()).isEqualTo(404);
    }

    @Test
    void theGoalsPageListsWrappedGoalsAndStepsAndChangesStatuses() {
        String g = goal(Map.of("title", "Learn Spanish", "description", "B1 by summer", "priority", 7,
                "dueDate", "2027-06-30"));
        JsonNode listed = api.get("/api/v1/goals?status=active").data().path("goals");
        assertThat(listed.isArray()).isTrue();
        JsonNode item = listed.path(0);
        assertThat(item.path("priority").isNumber()).isTrue();
        assertThat(item.path("progress").isNumber()).isTrue();
        assertThat(item.path("dueDate").asString()).isEqualTo("2027-06-30");
        String s = step(g, Map.of("title", "Lesson 1"));
        JsonNode steps = api.get("/api/v1/goals/" + g + "/steps").data().path("steps");
        assertThat(steps.path(0).path("status").asString()).isEqualTo("pending");
        assertThat(api.patch("/api/v1/goals/" + g + "/steps/" + s, Map.of("status", "completed")).status())
                .isEqualTo(200);
        assertThat(api.patch("/api/v1/goals/" + g + "/steps/" + s, Map.of("status", "pending")).data()
                .path("completedAt").isNull()).isTrue();
        Api.Response done = api.patch("/api/v1/goals/" + g, Map.of("status", "completed"));
        assertThat(done.data().path("completedAt").isString()).isTrue();
        assertThat(api.patch("/api/v1/goals/" + g, Map.of("status", "active")).data().path("completedAt").isNull())
                .isTrue();
        JsonNode stats = api.get("/api/v1/goals/stats").data();
        assertThat(stats.path("byStatus").path("active").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/goals/upcoming?days=3650").data().path("count").asInt()).isEqualTo(1);
        assertThat(api.delete("/api/v1/goals/" + g).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/goals/" + g + "/steps").status()).isEqualTo(404);
    }

    private static List<String> titles(JsonNode actions) {
        return actions.valueStream().map(a -> a.path("title").asString()).toList();
    }
}
