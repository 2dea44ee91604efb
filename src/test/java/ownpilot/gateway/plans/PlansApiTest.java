package ownpilot.gateway.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import ownpilot.gateway.support.HostileInput;
import tools.jackson.databind.JsonNode;

/** Plan runs executed by the background workers, driven and watched through the HTTP API. */
class PlansApiTest extends ApiTestBase {

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM plans").update();
        jdbc.sql("DELETE FROM tasks").update();
        // other tests leave grants and allowed tools behind; the gate must decide by level alone here
        jdbc.sql("DELETE FROM autonomy_grants").update();
        api.post("/api/v1/autonomy/config/reset", null);
        api.patch("/api/v1/autonomy/config", Map.of("level", 3));
    }


    private String plan(int autonomyLevel, List<Map<String, Object>> steps) {
        Api.Response created = api.post("/api/v1/plans", Map.of("name", "Plan", "goal", "Get it done",
                "autonomyLevel", autonomyLevel, "steps", steps));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.data().path("plan").path("id").asString();
    }

    private static Map<String, Object> addTask(String name, String title) {
        return Map.of("type", "tool_call", "name", name, "config", Map.of("toolName", "add_task",
                "toolArgs", Map.of("title", title)));
    }

    private JsonNode plan(String id) {
        return api.get("/api/v1/plans/" + id).data();
    }

    private String status(String id) {
        return plan(id).path("status").asString();
    }

    private JsonNode steps(String id) {
        return api.get("/api/v1/plans/" + id + "/steps").data().path("steps");
    }

    private long tasks(String title) {
        return jdbc.sql("SELECT count(*) FROM tasks WHERE title = :t").param("t", title).query(Long.class).single();
    }

    @Test
    void aPlanOfToolStepsRunsInTheBackgroundToTheEnd() throws Exception {
        String id = plan(3, List.of(addTask("first", "Step one"), addTask("second", "Step two"),
                Map.of("type", "tool_call", "name", "sum", "config", Map.of("toolName", "calculate",
                        "toolArgs", Map.of("expression", "2 + 3")))));
        Api.Response started = api.post("/api/v1/plans/" + id + "/execute", null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.data().path("status").asString()).isEqualTo("running");
        eventually("completed", () -> status(id).equals("completed"));
        JsonNode plan = plan(id);
        assertThat(plan.path("progress").asInt()).isEqualTo(100);
        assertThat(plan.path("currentStep").asInt()).isEqualTo(3);
        assertThat(plan.path("lifecycle").asString()).isEqualTo("completed");
        assertThat(tasks("Step one")).isOne();
        assertThat(tasks("Step two")).isOne();
        JsonNode sum = steps(id).get(2);
        assertThat(sum.path("status").asString()).as(steps(id).toString()).isEqualTo("completed");
        assertThat(sum.path("result").toString()).contains("5");
        assertThat(sum.path("dependencies").isArray()).isTrue();
        List<String> events = new ArrayList<>();
        api.get("/api/v1/plans/" + id + "/history").data().path("history").forEach(h -> events.add(h.path("eventType").asString()));
        assertThat(events).contains("started", "step_started", "step_completed", "completed");
        assertThat(jdbc.sql("SELECT count(*) FROM usage_records WHERE actor_type = 'plan' AND actor_id = :p")
                .param("p", id).query(Long.class).single()).as("tool steps make no model calls").isZero();
    }

    @Test
    void aFailingStepRetriesThenIsSkippedAndThePlanGoesOn() throws Exception {
        String id = plan(3, List.of(
                Map.of("type", "tool_call", "name", "broken", "maxRetries", 2, "onFailure", "skip",
                        "config", Map.of("toolName", "no_such_tool")),
                addTask("after", "After the failure")));
        api.post("/api/v1/plans/" + id + "/execute", null);
        eventually("completed", () -> status(id).equals("completed"));
        JsonNode broken = steps(id).get(0);
        assertThat(broken.path("status").asString()).isEqualTo("skipped");
        assertThat(broken.path("retryCount").asInt()).isEqualTo(2);
        assertThat(broken.path("error").asString()).contains("no_such_tool");
        assertThat(tasks("After the failure")).isOne();
        long failures = jdbc.sql("SELECT count(*) FROM plan_history WHERE plan_id = :p AND event_type = 'step_failed'")
                .param("p", id).query(Long.class).single();
        assertThat(failures).isEqualTo(3);

        String aborting = plan(3, List.of(Map.of("type", "tool_call", "name", "broken", "maxRetries", 0,
                "config", Map.of("toolName", "no_such_tool")), addTask("never", "Never runs")));
        api.post("/api/v1/plans/" + aborting + "/execute", null);
        eventually("failed", () -> status(aborting).equals("failed"));
        assertThat(plan(aborting).path("error").asString()).contains("broken");
        assertThat(tasks("Never runs")).isZero();
    }

    @Test
    void pauseFromAnotherRequestStopsBeforeTheNextStepAndResumeGoesOn() throws Exception {
        useFakeOpenAi("sk-plan-pause");
        LLM.enqueue(new FakeLlmServer.Text(List.of("go", "on", "now"), 400));
        String id = plan(3, List.of(Map.of("type", "llm_decision", "name", "think", "config",
                Map.of("prompt", "Shall we?", "provider", "openai", "model", "gpt-4o-mini")),
                addTask("then", "After the pause")));
        api.post("/api/v1/plans/" + id + "/execute", null);
        eventually("the first step running", () -> steps(id).get(0).path("status").asString().equals("running"));
        assertThat(new Api(port).post("/api/v1/plans/" + id + "/pause", null).data().path("status").asString())
                .isEqualTo("paused");
        eventually("the first step done and the worker gone", () -> steps(id).get(0).path("status").asString()
                .equals("completed") && jdbc.sql("SELECT lease_owner IS NULL FROM plans WHERE id = :p").param("p", id)
                .query(Boolean.class).single());
        assertThat(steps(id).get(1).path("status").asString()).isEqualTo("pending");
        assertThat(tasks("After the pause")).isZero();
        assertThat(steps(id).get(0).path("result").path("decision").asString()).isEqualTo("goonnow");
        api.post("/api/v1/plans/" + id + "/resume", null);
        eventually("completed", () -> status(id).equals("completed"));
        assertThat(tasks("After the pause")).isOne();
        assertThat(api.post("/api/v1/plans/" + id + "/resume", null).errorCode()).isEqualTo("NOT_PAUSED");
    }

    @Test
    void aRunInterruptedByACrashResumesWithoutRepeatingCompletedOrUnsafeSteps() throws Exception {
        String id = plan(3, List.of(addTask("done before", "Ran before the crash"),
                Map.of("type", "tool_call", "name", "safe", "retrySafe", true, "config", Map.of("toolName", "add_task",
                        "toolArgs", Map.of("title", "Safe again"))),
                addTask("after", "After the crash")));
        String unsafe = plan(3, List.of(Map.of("type", "tool_call", "name", "unsafe", "onFailure", "skip",
                "config", Map.of("toolName", "add_task", "toolArgs", Map.of("title", "Must not repeat"))),
                addTask("after", "Unsafe plan goes on")));
        // the state a crashed replica leaves: running, its lease run out, one step done and one in flight
        List<String> stepIds = steps(id).valueStream().map(s -> s.path("id").asString()).toList();
        jdbc.sql("UPDATE plan_steps SET status = 'completed', result = '\"done\"' WHERE id = :s")
                .param("s", stepIds.get(0)).update();
        jdbc.sql("UPDATE plan_steps SET status = 'running', started_at = now() WHERE id = :s").param("s", stepIds.get(1))
                .update();
        jdbc.sql("UPDATE plan_steps SET status = 'running', started_at = now() WHERE id = :s")
                .param("s", steps(unsafe).get(0).path("id").asString()).update();
        jdbc.sql("UPDATE plans SET status = 'running', started_at = now(), lease_owner = 'worker-crashed', "
                + "lease_until = now() - interval '1 minute' WHERE id IN (:p)").param("p", List.of(id, unsafe)).update();

        eventually("both taken over and completed", () -> status(id).equals("completed")
                && status(unsafe).equals("completed"));
        assertThat(tasks("Ran before the crash")).isZero();
        assertThat(tasks("Safe again")).isOne();
        assertThat(tasks("After the crash")).isOne();
        assertThat(tasks("Must not repeat")).isZero();
        JsonNode interrupted = steps(unsafe).get(0);
        assertThat(interrupted.path("status").asString()).isEqualTo("skipped");
        assertThat(interrupted.path("error").asString()).contains("Interrupted");
        assertThat(tasks("Unsafe plan goes on")).isOne();
    }

    @Test
    void aUserInputStepWaitsForTheAnswerAndTheRunGoesOnWithIt() throws Exception {
        String id = plan(3, List.of(Map.of("type", "user_input", "name", "ask", "config", Map.of("question",
                "Which project?", "inputType", "choice", "options", List.of("alpha", "beta"))),
                Map.of("type", "condition", "name", "check", "config", Map.of("condition", "step0.answer == \"beta\""))));
        api.post("/api/v1/plans/" + id + "/execute", null);
        eventually("waiting", () -> !plan(id).path("waitingFor").isNull() && plan(id).has("waitingFor"));
        JsonNode inputs = api.get("/api/v1/plans/inputs").data().path("inputs");
        assertThat(inputs).hasSize(1);
        String step = inputs.get(0).path("id").asString();
        assertThat(plan(id).path("waitingFor").path("question").asString()).isEqualTo("Which project?");
        assertThat(api.post("/api/v1/plans/" + id + "/steps/" + step + "/answer", Map.of("answer", "gamma")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/plans/" + id + "/steps/" + step + "/answer", Map.of("answer", "beta")).status())
                .isEqualTo(200);
        eventually("completed", () -> status(id).equals("completed"));
        assertThat(steps(id).get(1).path("result").path("value").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/plans/inputs").data().path("count").asInt()).isZero();
    }

    @Test
    void aRiskyToolStepWaitsForApprovalAndRunsOnceApproved() throws Exception {
        api.patch("/api/v1/autonomy/config", Map.of("level", 1));
        String task = api.post("/api/v1/tasks", Map.of("title", "Delete me")).data().path("id").asString();
        String id = plan(1, List.of(Map.of("type", "tool_call", "name", "delete", "config",
                Map.of("toolName", "delete_task", "toolArgs", Map.of("taskId", task)))));
        api.post("/api/v1/plans/" + id + "/execute", null);
        eventually("waiting for approval", () -> plan(id).path("waitingFor").path("kind").asString().equals("approval"));
        assertThat(steps(id).get(0).path("status").asString()).isEqualTo("waiting");
        assertThat(api.get("/api/v1/tasks/" + task).status()).isEqualTo(200);
        String approval = plan(id).path("waitingFor").path("approvalId").asString();
        assertThat(jdbc.sql("SELECT actor_type FROM approvals WHERE id = :a").param("a", approval).query(String.class)
                .single()).isEqualTo("plan");
        assertThat(api.post("/api/v1/autonomy/approve/" + approval, null).status()).isEqualTo(200);
        eventually("completed", () -> status(id).equals("completed"));
        assertThat(api.get("/api/v1/tasks/" + task).status()).isEqualTo(404);
    }

    @Test
    void abortCheckpointRollbackAndTheWebUiShapes() throws Exception {
        String id = plan(3, List.of(Map.of("type", "user_input", "name", "ask", "config", Map.of("question", "Ok?",
                "inputType", "confirm"))));
        assertThat(api.post("/api/v1/plans/" + id + "/rollback", null).errorCode()).isEqualTo("NO_CHECKPOINT");
        api.post("/api/v1/plans/" + id + "/checkpoint", Map.of("data", Map.of("note", "before")));
        api.post("/api/v1/plans/" + id + "/execute", null);
        eventually("waiting", () -> plan(id).path("waitingFor").isObject());
        Api.Response aborted = api.post("/api/v1/plans/" + id + "/abort", null);
        assertThat(aborted.data().path("status").asString()).isEqualTo("cancelled");
        assertThat(api.post("/api/v1/plans/" + id + "/rollback", null).data().path("status").asString()).isEqualTo("pending");
        assertThat(steps(id).get(0).path("status").asString()).isEqualTo("pending");

        JsonNode listed = api.get("/api/v1/plans?status=draft").data().path("plans").get(0);
        for (String field : List.of("id", "name", "goal", "status", "progress", "totalSteps", "currentStep")) {
            assertThat(listed.has(field)).as(field).isTrue();
        }
        assertThat(listed.path("checkpoint").isObject()).isTrue();
        api.get("/api/v1/plans/" + id + "/history").data().path("history").forEach(h -> assertThat(
                h.path("eventType").asString()).isIn("started", "step_started", "step_completed", "step_failed", "paused",
                        "resumed", "completed", "failed", "cancelled", "checkpoint", "rollback"));
        assertThat(api.get("/api/v1/plans/executor/status").data().path("workers").asInt()).isPositive();
        assertThat(api.get("/api/v1/plans/stats").data().path("byStatus").path("pending").asInt()).isOne();

        String other = plan(3, List.of(Map.of("type", "sub_plan", "name", "child", "config", Map.of("subPlanId", id))));
        Api.Response cycle = api.post("/api/v1/plans/" + id + "/steps", Map.of("type", "sub_plan", "name", "back",
                "config", Map.of("subPlanId", other)));
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.errorCode()).isEqualTo("PLAN_CYCLE");
        for (Object body : List.of("{\"name\": ", "[1]", Map.of("type", "teleport", "name", "x"),
                Map.of("type", "tool_call", "name", "x", "config", Map.of()),
                Map.of("type", "condition", "name", "x", "config", Map.of("condition", "((")),
                Map.of("type", "loop", "name", "x", "config", Map.of("toolName", "calculate", "maxIterations", 5000)),
                Map.of("type", "tool_call", "name", "x", "dependencies", List.of("step_nope"),
                        "config", Map.of("toolName", "calculate")))) {
            HostileInput.expect4xx(api.post("/api/v1/plans/" + id + "/steps", body), String.valueOf(body));
        }
        HostileInput.expect4xx(api.post("/api/v1/plans", Map.of("name", "x")), "no goal");
        HostileInput.expect4xx(api.post("/api/v1/plans", Map.of("name", "x", "goal", "y", "autonomyLevel", 9)), "level");
        HostileInput.expect4xx(api.get("/api/v1/plans?status=exploded"), "status");
    }

    @Test
    void parallelLoopAndSubPlanStepsRunAndATimedOutStepIsCancelled() throws Exception {
        String child = plan(3, List.of(Map.of("type", "tool_call", "name", "inner", "config",
                Map.of("toolName", "calculate", "toolArgs", Map.of("expression", "6 * 7")))));
        String id = plan(3, List.of(
                Map.of("type", "parallel", "name", "both", "config", Map.of("steps", List.of(
                        Map.of("toolName", "calculate", "toolArgs", Map.of("expression", "1 + 1")),
                        Map.of("toolName", "calculate", "toolArgs", Map.of("expression", "2 + 2"))))),
                Map.of("type", "loop", "name", "thrice", "config", Map.of("toolName", "calculate",
                        "toolArgs", Map.of("expression", "3 + 3"), "maxIterations", 5, "condition", "iteration < 3")),
                Map.of("type", "sub_plan", "name", "child", "config", Map.of("subPlanId", child))));
        api.post("/api/v1/plans/" + id + "/execute", null);
        eventually("completed", () -> status(id).equals("completed"));
        JsonNode steps = steps(id);
        assertThat(steps.get(0).path("result").path("results")).hasSize(2);
        assertThat(steps.get(1).path("result").path("iterations").asInt()).isEqualTo(3);
        assertThat(steps.get(2).path("result").path("status").asString()).isEqualTo("completed");
        assertThat(status(child)).isEqualTo("completed");

        useFakeOpenAi("sk-plan-timeout");
        LLM.enqueue(new FakeLlmServer.Stall(List.of("thinking")));
        String slow = plan(3, List.of(Map.of("type", "llm_decision", "name", "slow", "timeoutMs", 300, "maxRetries", 0,
                "onFailure", "skip", "config", Map.of("prompt", "Decide", "provider", "openai", "model", "gpt-4o-mini")),
                Map.of("type", "condition", "name", "after", "config", Map.of("condition", "true"))));
        api.post("/api/v1/plans/" + slow + "/execute", null);
        eventually("completed after the timeout", () -> status(slow).equals("completed"));
        assertThat(steps(slow).get(0).path("error").asString()).contains("timed out after 300 ms");
        assertThat(LLM.awaitHangUp(10, java.util.concurrent.TimeUnit.SECONDS)).as("the model call was cancelled").isTrue();
    }
}
