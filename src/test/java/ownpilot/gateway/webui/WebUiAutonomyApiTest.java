package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.costs.Usage;
import ownpilot.gateway.costs.UsageRecorder;
import ownpilot.gateway.models.ModelCatalog;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** The web UI's Autonomy page: its config fields, the approval queue and its own write routes. */
class WebUiAutonomyApiTest extends ApiTestBase {

    @Autowired
    UsageRecorder usage;

    @Autowired
    ModelCatalog catalog;

    @AfterEach
    void reset() {
        api.post("/api/v1/autonomy/config/reset", "");
    }

    private String parkDeleteOf(String title) {
        String task = api.post("/api/v1/tasks", Map.of("title", title)).data().path("id").asString();
        return api.post("/api/v1/tools/use_tool/execute", Map.of("arguments", Map.of("tool_name", "delete_task",
                "arguments", Map.of("taskId", task)))).data().path("result").path("approvalId").asString();
    }

    @Test
    void theConfigCarriesTheNumbersThePageFormats() {
        JsonNode data = api.get("/api/v1/autonomy/config").data();
        JsonNode config = data.path("config");
        for (String field : new String[] {"level", "dailyBudget", "dailySpend", "maxCostPerAction",
            "notificationThreshold"}) {
            assertThat(config.path(field).isNumber()).as(field).isTrue();
        }
        assertThat(config.path("allowedTools").isArray()).isTrue();
        assertThat(config.path("blockedTools").isArray()).isTrue();
        assertThat(config.path("budgetResetAt").asString()).isNotBlank();
        assertThat(config.path("auditEnabled").asBoolean()).isTrue();
        assertThat(data.path("levels").isArray()).isTrue();
    }

    @Test
    void theApprovalQueueAndItsDecisionsUnderTheUisRoutes() {
        String first = parkDeleteOf("UI approval one");
        String second = parkDeleteOf("UI approval two");
        JsonNode pending = api.get("/api/v1/autonomy/approvals").data().path("pending");
        assertThat(pending.isArray()).isTrue();
        JsonNode item = pending.valueStream().filter(p -> p.path("id").asString().equals(first)).findFirst()
                .orElseThrow();
        assertThat(item.path("risk").path("level").asString()).isIn("low", "medium", "high", "critical");
        assertThat(item.path("description").asString()).contains("delete_task");
        assertThat(item.path("expiresAt").asString()).isNotBlank();
        assertThat(api.post("/api/v1/autonomy/approvals/" + first + "/approve", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/autonomy/approvals/" + second + "/reject", "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/autonomy/approvals/" + first).data().path("status").asString())
                .isEqualTo("approved");
        assertThat(api.get("/api/v1/autonomy/approvals/" + second).data().path("status").asString())
                .isEqualTo("rejected");
    }

    @Test
    void levelBudgetAndToolListsAreSetByTheirOwnRoutes() {
        assertThat(api.post("/api/v1/autonomy/level", Map.of("level", 2)).data().path("config").path("level")
                .asInt()).isEqualTo(2);
        assertThat(api.post("/api/v1/autonomy/level", Map.of("level", 9)).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/autonomy/budget", Map.of("dailyBudget", 4.5)).data().path("config")
                .path("dailyBudget").asDouble()).isEqualTo(4.5);
        assertThat(api.patch("/api/v1/autonomy/budget", Map.of("maxCostPerAction", 0)).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/autonomy/budget", Map.of("dailyBudget", -1)).status()).isEqualTo(400);

        api.post("/api/v1/autonomy/tools/allow", Map.of("tool", "delete_task"));
        JsonNode config = api.get("/api/v1/autonomy/config").data().path("config");
        assertThat(config.path("allowedTools").toString()).contains("delete_task");
        api.post("/api/v1/autonomy/tools/block", Map.of("tool", "delete_task"));
        config = api.get("/api/v1/autonomy/config").data().path("config");
        assertThat(config.path("blockedTools").toString()).contains("delete_task");
        assertThat(config.path("allowedTools").toString()).doesNotContain("delete_task");
        api.delete("/api/v1/autonomy/tools/delete_task");
        config = api.get("/api/v1/autonomy/config").data().path("config");
        assertThat(config.path("blockedTools").toString() + config.path("allowedTools")).doesNotContain("delete_task");
        assertThat(api.post("/api/v1/autonomy/tools/allow", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aSpentDailyBudgetMakesEveryAutonomousCallAskFirst() {
        api.post("/api/v1/autonomy/level", Map.of("level", 3));
        Api.Response runs = api.post("/api/v1/tools/use_tool/execute", Map.of("arguments", Map.of("tool_name",
                "calculate", "arguments", Map.of("expression", "1+1"))));
        assertThat(runs.data().path("result").asString()).isEqualTo("2");
        var model = catalog.models("openai").stream().filter(m -> m.inputPrice() > 0).findFirst().orElseThrow();
        usage.record(new Usage(Actor.user("default", "budget-test"), "openai", model.id(), null, "chat", 100_000,
                100_000, 10, null));
        double spent = api.get("/api/v1/autonomy/config").data().path("config").path("dailySpend").asDouble();
        assertThat(spent).isPositive();
        api.patch("/api/v1/autonomy/budget", Map.of("dailyBudget", spent / 2));
        Api.Response parked = api.post("/api/v1/tools/use_tool/execute", Map.of("arguments", Map.of("tool_name",
                "calculate", "arguments", Map.of("expression", "1+1"))));
        assertThat(parked.data().path("result").path("status").asString()).isEqualTo("pending_approval");
        assertThat(parked.data().path("autonomy").path("reason").asString()).contains("daily autonomy budget");
        assertThat(List.of(parked.data().path("autonomy").path("decision").asString())).containsExactly(
                "needs_approval");
    }

    @Test
    void assessTakesTheOriginalsShapeToo() {
        JsonNode risk = api.post("/api/v1/autonomy/assess", Map.of("category", "tool_execution", "actionType",
                "delete", "params", Map.of("tool", "delete_task", "arguments", Map.of("taskId", "t1")))).data();
        assertThat(risk.path("tool").asString()).isEqualTo("delete_task");
        assertThat(risk.path("risk").path("level").asString()).isEqualTo("high");
        assertThat(api.post("/api/v1/autonomy/assess", Map.of("params", Map.of("tool", "delete_task"), "mood",
                "x")).status()).isEqualTo(400);
    }
}
