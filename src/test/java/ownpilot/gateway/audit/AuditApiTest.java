package ownpilot.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

class AuditApiTest extends ApiTestBase {

    private Api.Response postWithId(String path, String json, String requestId) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void aToolRunIsOnTheTrailWhenItsResponseArrives() {
        String requestId = "req-" + UUID.randomUUID();
        postWithId("/api/v1/tools/calculate/execute", "{\"arguments\":{\"expression\":\"2+2\"}}", requestId);
        // no waiting for listeners: the record commits with the run's own transaction
        assertThat(api.get("/api/v1/audit?correlationId=" + requestId).data().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void everyToolExecutionIsRecordedWithTheRequestId() {
        String requestId = "req-" + UUID.randomUUID();
        postWithId("/api/v1/tools/calculate/execute", "{\"arguments\":{\"expression\":\"6*7\"}}", requestId);
        postWithId("/api/v1/tools/batch", "{\"executions\":[{\"tool\":\"generate_uuid\"},"
                + "{\"tool\":\"calculate\",\"arguments\":{\"expression\":\"1/0\"}}]}", requestId);

        awaitListeners();
        Api.Response r = api.get("/api/v1/audit?correlationId=" + requestId + "&order=asc");
        assertThat(r.status()).isEqualTo(200);
        JsonNode events = r.data().path("events");
        assertThat(events).hasSize(3);
        assertThat(r.data().path("total").asInt()).isEqualTo(3);
        JsonNode first = events.get(0);
        assertThat(first.path("type").asString()).isEqualTo("tool.success");
        assertThat(first.path("resource").path("id").asString()).isEqualTo("calculate");
        assertThat(first.path("actor").path("type").asString()).isEqualTo("user");
        assertThat(first.path("outcome").asString()).isEqualTo("success");
        assertThat(first.path("duration").isIntegralNumber()).isTrue();
        assertThat(first.path("metadata").path("category").asString()).isEqualTo("core");

        Api.Response failures = api.get("/api/v1/audit?correlationId=" + requestId + "&minSeverity=warn");
        assertThat(failures.data().path("events")).hasSize(1);
        assertThat(failures.data().path("events").get(0).path("type").asString()).isEqualTo("tool.error");
        assertThat(failures.data().path("events").get(0).path("metadata").path("error").asString())
                .isEqualTo("Division by zero");
        assertThat(api.get("/api/v1/audit?correlationId=" + requestId + "&types=tool.error,tool.success&outcome=failure")
                .data().path("count").asInt()).isEqualTo(1);
    }

    @Test
    void newestFirstByDefaultWithPaging() {
        String requestId = "order-" + UUID.randomUUID();
        for (String expr : List.of("1+1", "2+2", "3+3")) {
            postWithId("/api/v1/tools/calculate/execute", "{\"arguments\":{\"expression\":\"" + expr + "\"}}", requestId);
        }
        awaitListeners();
        JsonNode desc = api.get("/api/v1/audit?correlationId=" + requestId).data().path("events");
        JsonNode asc = api.get("/api/v1/audit?correlationId=" + requestId + "&order=asc").data().path("events");
        assertThat(desc.get(0).path("id").asString()).isEqualTo(asc.get(2).path("id").asString());
        assertThat(desc.get(0).path("timestamp").asString()).isGreaterThanOrEqualTo(desc.get(2).path("timestamp").asString());
        Api.Response page = api.get("/api/v1/audit?correlationId=" + requestId + "&limit=1&offset=1");
        assertThat(page.data().path("events").get(0).path("id").asString()).isEqualTo(desc.get(1).path("id").asString());
        assertThat(page.data().path("total").asInt()).isEqualTo(3);
    }

    @Test
    void badFiltersAre400() {
        for (String query : List.of("actorType=robot", "minSeverity=loud", "outcome=maybe", "from=yesterday",
                "order=sideways", "limit=0", "limit=5000")) {
            Api.Response r = api.get("/api/v1/audit?" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(api.get("/api/v1/audit?resourceId=%27%20OR%201=1--").status()).isEqualTo(200);
    }

    @Test
    void statsAndScopedClearing() {
        postWithId("/api/v1/tools/calculate/execute", "{\"arguments\":{\"expression\":\"1\"}}", "stats-1");
        awaitListeners();
        Api.Response stats = api.get("/api/v1/audit/stats");
        assertThat(stats.data().path("total").asLong()).isPositive();
        assertThat(stats.data().path("byType").path("tool.success").asLong()).isPositive();
        assertThat(stats.data().path("newest").asString()).isNotBlank();

        awaitListeners();
        long before = rows("audit_events");
        Api.Response old = api.delete("/api/v1/audit?before=2000-01-01T00:00:00Z");
        assertThat(old.data().path("deleted").asInt()).isZero();
        assertThat(rows("audit_events")).as("the clearing itself is audited").isEqualTo(before + 1);

        Api.Response cut = api.delete("/api/v1/audit?before=" + Instant.now().plusSeconds(1));
        assertThat(cut.data().path("deleted").asLong()).isEqualTo(before + 1);
        JsonNode remaining = api.get("/api/v1/audit").data().path("events");
        assertThat(remaining).hasSize(1);
        assertThat(remaining.get(0).path("type").asString()).isEqualTo("audit.cleared");
        assertThat(api.delete("/api/v1/audit?all=true&before=2000-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/audit?all=true").data().path("deleted").asInt()).isEqualTo(1);
        Api.Response bare = api.delete("/api/v1/audit");
        assertThat(bare.status()).as("a bare DELETE clears everything").isEqualTo(200);
        assertThat(bare.data().path("deleted").asInt()).isEqualTo(1);
        JsonNode survivor = api.get("/api/v1/audit").data().path("events");
        assertThat(survivor).hasSize(1);
        assertThat(survivor.get(0).path("type").asString()).as("the clearing survives it").isEqualTo("audit.cleared");
    }
}
