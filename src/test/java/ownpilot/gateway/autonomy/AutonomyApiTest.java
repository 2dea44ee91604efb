package ownpilot.gateway.autonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class AutonomyApiTest extends ApiTestBase {

    private final String marker = "auto" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetConfig() {
        api.post("/api/v1/autonomy/config/reset", "");
    }

    /** What the model does: call use_tool, here through the tools API with a known request id. */
    private Api.Response useTool(String tool, Map<String, Object> arguments, String requestId) {
        String body = "{\"arguments\":{\"tool_name\":\"" + tool + "\",\"arguments\":"
                + Api.parse(toJson(arguments)) + "}}";
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/tools/use_tool/execute"))
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String toJson(Map<String, Object> map) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(map);
    }

    private String newTask(String title) {
        return api.post("/api/v1/tasks", Map.of("title", title)).data().path("id").asString();
    }

    private List<String> auditTypes(String correlationId) {
        awaitListeners();
        return api.get("/api/v1/audit?order=asc&correlationId=" + correlationId).data().path("events").valueStream()
                .map(e -> e.path("type").asString() + ":" + e.path("resource").path("id").asString()).toList();
    }

    @Test
    void aRiskyCallIsParkedAndRunsAfterApproval() {
        String taskId = newTask(marker);
        String request = "chat-" + UUID.randomUUID();
        Api.Response parked = useTool("delete_task", Map.of("taskId", taskId), request);
        JsonNode result = parked.data().path("result");
        assertThat(parked.data().path("isError").asBoolean()).isFalse();
        assertThat(result.path("status").asString()).isEqualTo("pending_approval");
        assertThat(result.path("risk").path("level").asString()).isEqualTo("high");
        String approvalId = result.path("approvalId").asString();
        assertThat(api.get("/api/v1/tasks/" + taskId).status()).as("not run yet").isEqualTo(200);
        assertThat(api.get("/api/v1/autonomy/pending").data().path("pending").findValuesAsString("id"))
                .contains(approvalId);

        String approveRequest = "approve-" + UUID.randomUUID();
        Api.Response approved = api.send(HttpRequest.newBuilder(api.uri("/api/v1/autonomy/approve/" + approvalId))
                .header("X-Request-Id", approveRequest).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.data().path("status").asString()).isEqualTo("approved");
        assertThat(approved.data().path("result").path("isError").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/tasks/" + taskId).status()).as("ran after approval").isEqualTo(404);
        assertThat(api.get("/api/v1/autonomy/pending").data().path("pending").findValuesAsString("id"))
                .doesNotContain(approvalId);

        assertThat(auditTypes(request)).as("use_tool runs the inner tool once, recorded once")
                .containsExactly("approval.requested:delete_task", "tool.success:delete_task");
        assertThat(auditTypes(approveRequest)).containsExactly("approval.approved:delete_task");
        assertThat(api.post("/api/v1/autonomy/approve/" + approvalId, "").status()).as("decided once").isEqualTo(409);
    }

    @Test
    void aRejectedCallNeverRuns() {
        String taskId = newTask(marker);
        String request = "chat-" + UUID.randomUUID();
        String approvalId = useTool("update_task", Map.of("taskId", taskId, "title", "renamed"), request)
                .data().path("result").path("approvalId").asString();
        Api.Response rejected = api.post("/api/v1/autonomy/reject/" + approvalId, Map.of("reason", "not now"));
        assertThat(rejected.data().path("status").asString()).isEqualTo("rejected");
        assertThat(rejected.data().path("reason").asString()).isEqualTo("not now");
        assertThat(api.get("/api/v1/tasks/" + taskId).data().path("title").asString()).isEqualTo(marker);
        assertThat(api.post("/api/v1/autonomy/approve/" + approvalId, "").status()).isEqualTo(409);
        assertThat(auditTypes(request)).doesNotContain("tool.success:update_task");
        assertThat(api.post("/api/v1/autonomy/reject/approval_missing", "").status()).isEqualTo(404);
    }

    @Test
    void anApprovalExpiresAfterItsTtl() {
        String taskId = newTask(marker);
        String approvalId = useTool("delete_task", Map.of("taskId", taskId), "chat-" + UUID.randomUUID())
                .data().path("result").path("approvalId").asString();
        jdbc.sql("UPDATE approvals SET expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", approvalId).update();

        assertThat(api.get("/api/v1/autonomy/pending").data().path("pending").findValuesAsString("id"))
                .doesNotContain(approvalId);
        Api.Response late = api.post("/api/v1/autonomy/approve/" + approvalId, "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("APPROVAL_EXPIRED");
        assertThat(api.get("/api/v1/tasks/" + taskId).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/autonomy/approvals/" + approvalId).data().path("status").asString())
                .isEqualTo("expired");
        awaitListeners();
        assertThat(api.get("/api/v1/audit?types=approval.expired").data().path("events").findValuesAsString("id"))
                .isNotEmpty();
    }

    @Test
    void aScopedGrantLetsTheNextIdenticalCallThrough() {
        String taskId = newTask(marker);
        Map<String, Object> rename = Map.of("taskId", taskId, "title", marker + " v2");
        String approvalId = useTool("update_task", rename, "chat-" + UUID.randomUUID())
                .data().path("result").path("approvalId").asString();
        api.post("/api/v1/autonomy/approve/" + approvalId, Map.of("grantMinutes", 30));

        Api.Response again = useTool("update_task", Map.of("title", marker + " v2", "taskId", taskId),
                "chat-" + UUID.randomUUID());
        assertThat(again.data().path("result").path("approvalId").isMissingNode()).as("ran without asking").isTrue();
        assertThat(again.data().path("result").path("title").asString()).isEqualTo(marker + " v2");

        Api.Response different = useTool("update_task", Map.of("taskId", taskId, "title", "other"),
                "chat-" + UUID.randomUUID());
        assertThat(different.data().path("result").path("status").asString()).isEqualTo("pending_approval");

        String toolWide = different.data().path("result").path("approvalId").asString();
        api.post("/api/v1/autonomy/approve/" + toolWide, Map.of("grantMinutes", 5, "grantScope", "tool"));
        assertThat(useTool("update_task", Map.of("taskId", taskId, "title", "third"), "chat-x")
                .data().path("result").path("title").asString()).isEqualTo("third");
        assertThat(api.post("/api/v1/autonomy/approve/x", Map.of("grantMinutes", 0)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/autonomy/approve/x", Map.of("grantScope", "tool")).status()).isEqualTo(400);
    }

    @Test
    void levelsBlockListsAndAllowListsDecide() {
        assertThat(useTool("calculate", Map.of("expression", "2+2"), "c1").data().path("result").asString())
                .as("low risk runs when Supervised").isEqualTo("4");
        api.patch("/api/v1/autonomy/config", Map.of("level", 0));
        assertThat(useTool("calculate", Map.of("expression", "2+2"), "c2").data().path("result").path("status")
                .asString()).isEqualTo("pending_approval");
        api.patch("/api/v1/autonomy/config", Map.of("level", 3, "blockedTools", List.of("delete_note")));
        Api.Response blocked = useTool("delete_note", Map.of("noteId", "n1"), "c3");
        assertThat(blocked.data().path("isError").asBoolean()).isTrue();
        assertThat(blocked.data().path("result").asString()).contains("blocked");
        String taskId = newTask(marker);
        assertThat(useTool("delete_task", Map.of("taskId", taskId), "c4").data().path("result").path("deleted")
                .asBoolean()).as("Autonomous runs high risk").isTrue();
        api.patch("/api/v1/autonomy/config", Map.of("level", 1, "allowedCategories", List.of("tasks")));
        String other = newTask(marker);
        assertThat(useTool("delete_task", Map.of("taskId", other), "c5").data().path("result").path("deleted")
                .asBoolean()).isTrue();
    }

    @Test
    void invalidInnerCallsAreErrorsNotParked() {
        long parked = rows("approvals");
        Api.Response bad = useTool("delete_task", Map.of("id", "x"), "c6");
        assertThat(bad.data().path("isError").asBoolean()).isTrue();
        assertThat(bad.data().path("result").asString()).contains("taskId");
        assertThat(useTool("no_such_tool", Map.of(), "c7").data().path("result").asString()).contains("not found");
        assertThat(useTool("use_tool", Map.of(), "c8").data().path("isError").asBoolean()).isTrue();
        assertThat(rows("approvals")).isEqualTo(parked);
    }

    @Test
    void configIsValidatedPersistedAndResettable() {
        Api.Response config = api.get("/api/v1/autonomy/config");
        assertThat(config.data().path("config").path("level").asInt()).isEqualTo(1);
        assertThat(config.data().path("levels").findValuesAsString("name"))
                .containsExactly("Manual", "Supervised", "Guided", "Autonomous");
        assertThat(api.patch("/api/v1/autonomy/config", Map.of("level", 7)).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/autonomy/config", Map.of("mood", "happy")).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/autonomy/config", Map.of("blockedTools", List.of("rm -rf /"))).status())
                .isEqualTo(400);
        assertThat(api.patch("/api/v1/autonomy/config", Map.of("approvalTtlSeconds", 1)).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/autonomy/config", Map.of("level", 2, "approvalTtlSeconds", 60))
                .data().path("config").path("approvalTtlSeconds").asInt()).isEqualTo(60);
        assertThat(api.get("/api/v1/autonomy/config").data().path("config").path("level").asInt()).isEqualTo(2);
        assertThat(api.post("/api/v1/autonomy/config/reset", "").data().path("config").path("level").asInt())
                .isEqualTo(1);
    }

    @Test
    void assessExplainsTheRiskAndDecision() {
        Api.Response delete = api.post("/api/v1/autonomy/assess",
                Map.of("tool", "delete_task", "arguments", Map.of("taskId", "t")));
        assertThat(delete.data().path("risk").path("level").asString()).isEqualTo("high");
        assertThat(delete.data().path("risk").path("decision").asString()).isEqualTo("needs_approval");
        assertThat(delete.data().path("autonomyLevelName").asString()).isEqualTo("Supervised");
        Api.Response secret = api.post("/api/v1/autonomy/assess",
                Map.of("tool", "add_note", "arguments", Map.of("title", "wifi", "content", "password: hunter2")));
        assertThat(secret.data().path("risk").path("reasons").toString()).contains("secrets");
        assertThat(api.post("/api/v1/autonomy/assess", Map.of("tool", "nope")).errorCode()).isEqualTo("TOOL_NOT_FOUND");
        assertThat(api.post("/api/v1/autonomy/assess", Map.of("arguments", Map.of())).status()).isEqualTo(400);
    }
}
