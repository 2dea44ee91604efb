package ownpilot.gateway.costs;

import ownpilot.gateway.shared.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.models.ModelCatalog;
import ownpilot.gateway.models.ModelInfo;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class CostsApiTest extends ApiTestBase {

    @Autowired
    UsageRecorder recorder;

    @Autowired
    BudgetGuard guard;

    @Autowired
    ModelCatalog catalog;

    private ModelInfo priced;

    @BeforeEach
    void pickAPricedModel() {
        jdbc.sql("DELETE FROM usage_records").update();
        resetBudget();
        priced = catalog.models("openai").stream().filter(m -> m.inputPrice() > 0 && m.outputPrice() > 0)
                .findFirst().orElseThrow();
    }

    @AfterEach
    void clearBudget() {
        resetBudget();
    }

    private double record(int in, int out, String error) {
        return recorder.record(new Usage(Actor.user("default", "test"), "openai", priced.id(), "conv_1", "chat", in, out, 120, error));
    }

    @Test
    void recordedCallsAreCostedFromCatalogPricesAndSummarised() {
        double cost = record(1_000_000, 500_000, null);
        assertThat(cost).isEqualTo(priced.inputPrice() + priced.outputPrice() / 2);
        record(0, 0, "upstream 500");
        recorder.record(new Usage(Actor.user("default", "test"), "anthropic", catalog.models("anthropic").get(0).id(), null, "chat", 1000,
                1000, 300, null));

        JsonNode summary = api.get("/api/v1/costs?period=day").data().path("summary");
        assertThat(summary.path("totalRequests").asInt()).isEqualTo(3);
        assertThat(summary.path("failedRequests").asInt()).isEqualTo(1);
        assertThat(summary.path("totalInputTokens").asInt()).isEqualTo(1_001_000);
        assertThat(summary.path("totalCostFormatted").asString()).startsWith("$");

        JsonNode providers = api.get("/api/v1/costs/by-provider").data().path("providers");
        assertThat(providers.get(0).path("provider").asString()).as("most expensive first").isEqualTo("openai");
        assertThat(providers.get(0).path("requests").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/costs/by-model?period=week").data().path("models")).hasSize(2);
        JsonNode timeline = api.get("/api/v1/costs/timeline?days=7").data().path("timeline");
        assertThat(timeline).hasSize(7);
        assertThat(timeline.get(6).path("requests").asInt()).isEqualTo(3);
        assertThat(timeline.get(0).path("requests").asInt()).isZero();
        Api.Response records = api.get("/api/v1/costs/usage?provider=openai");
        assertThat(records.data().path("records")).hasSize(2);
        assertThat(records.data().path("records").get(0).path("success").asBoolean()).as("newest first").isFalse();
        assertThat(api.get("/api/v1/costs?period=decade").status()).isEqualTo(400);
    }

    @Test
    void budgetsAlertAndRefuseCallsThatWouldPassALimit() {
        double limit = priced.inputPrice();
        Api.Response set = api.post("/api/v1/costs/budget", Map.of("dailyLimit", limit));
        assertThat(set.data().path("daily").path("limit").asDouble()).isEqualTo(limit);
        assertThat(set.data().path("limitAction").asString()).isEqualTo("block");

        record(600_000, 0, null);
        JsonNode status = api.get("/api/v1/costs/budget").data();
        assertThat(status.path("daily").path("percentage").asDouble()).isEqualTo(60.0);
        assertThat(status.path("alerts").findValuesAsString("window")).containsExactly("daily");
        assertThat(status.path("alerts").get(0).path("threshold").asInt()).isEqualTo(50);

        guard.check("default", "openai", priced.id(), () -> 100_000, 0);
        assertThatThrownBy(() -> guard.check("default", "openai", priced.id(), () -> 500_000, 0))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.code()).isEqualTo("BUDGET_EXCEEDED");
                });

        api.post("/api/v1/costs/budget", Map.of("limitAction", "warn"));
        guard.check("default", "openai", priced.id(), () -> 500_000, 0);
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("dailyLimit", null);
        clear.put("limitAction", "block");
        assertThat(api.post("/api/v1/costs/budget", clear).data().path("daily").path("limit").isNull()).isTrue();
        guard.check("default", "openai", priced.id(), () -> 50_000_000, 0);
    }

    @Test
    void estimateAndPricingComeFromTheCatalog() {
        Api.Response estimate = api.post("/api/v1/costs/estimate", Map.of("provider", "openai", "model", priced.id(),
                "text", "x".repeat(4000), "outputTokens", 1000));
        assertThat(estimate.data().path("estimatedInputTokens").asInt()).isEqualTo(1000);
        assertThat(estimate.data().path("estimatedCost").asDouble())
                .isEqualTo(1000 / 1e6 * priced.inputPrice() + 1000 / 1e6 * priced.outputPrice());
        assertThat(api.post("/api/v1/costs/estimate", Map.of("provider", "openai", "model", "no-such-model"))
                .errorCode()).isEqualTo("MODEL_NOT_FOUND");
        assertThat(api.post("/api/v1/costs/estimate", Map.of("model", "x")).status()).isEqualTo(400);
        JsonNode pricing = api.get("/api/v1/costs/pricing?provider=openai").data();
        assertThat(pricing.path("models").findValuesAsString("modelId")).contains(priced.id());
    }

    @Test
    void badBudgetsAreRefused() {
        String before = api.get("/api/v1/costs/budget").data().toString();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("dailyLimit", -5),
                Map.of("dailyLimit", "lots"), Map.of("limitAction", "explode"), Map.of("alertThresholds", List.of(0)),
                Map.of("alertThresholds", List.of(50, 150)), Map.of("weeklyLimit", -1),
                Map.of("yearlyLimit", 3))) {
            assertThat(api.post("/api/v1/costs/budget", bad).status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/costs/budget").data().toString()).isEqualTo(before);
    }
}
