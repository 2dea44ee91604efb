package ownpilot.gateway.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.FakeLlmServer;
import ownpilot.gateway.support.HostileInput;
import tools.jackson.databind.JsonNode;

/** Triggers through the HTTP API on PostgreSQL, with Quartz's clustered store firing the schedules. */
class TriggersApiTest extends ApiTestBase {

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM triggers").update();
        jdbc.sql("DELETE FROM notifications").update();
        // other tests leave grants and allowed tools behind; the gate must decide by level alone here
        jdbc.sql("DELETE FROM autonomy_grants").update();
        api.post("/api/v1/autonomy/config/reset", null);
        api.patch("/api/v1/autonomy/config", Map.of("level", 1));
    }


    private String create(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/triggers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.data().path("trigger").path("id").asString();
    }

    private JsonNode history(String id) {
        return api.get("/api/v1/triggers/" + id + "/history").data().path("history");
    }

    @Test
    void aScheduleAtNineInIstanbulFiresAtSixUtcAndQuartzHoldsItInThatZone() {
        Api.Response created = api.post("/api/v1/triggers", Map.of("name", "Morning", "type", "schedule",
                "config", Map.of("cron", "0 9 * * *", "timezone", "Europe/Istanbul"),
                "action", Map.of("type", "notification", "payload", Map.of("message", "Good morning"))));
        assertThat(created.status()).isEqualTo(201);
        JsonNode trigger = created.data().path("trigger");
        assertThat(trigger.path("nextFire").asString()).endsWith("T06:00:00Z");
        assertThat(trigger.path("nextFireTimes")).hasSize(5);
        trigger.path("nextFireTimes").forEach(t -> assertThat(t.asString()).endsWith("T06:00:00Z"));
        String id = trigger.path("id").asString();
        assertThat(jdbc.sql("SELECT time_zone_id FROM qrtz_cron_triggers WHERE trigger_name = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Europe/Istanbul");
        long quartzNext = jdbc.sql("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = :id").param("id", id)
                .query(Long.class).single();
        assertThat(Instant.ofEpochMilli(quartzNext)).isEqualTo(Instant.parse(trigger.path("nextFire").asString()));

        // without a zone, the user's time zone setting is used and written into the trigger
        api.post("/api/v1/settings/timezone", Map.of("value", "Asia/Tokyo"));
        Api.Response tokyo = api.post("/api/v1/triggers", Map.of("name", "Tokyo", "type", "schedule",
                "config", Map.of("cron", "0 9 * * 1-5"), "action", Map.of("type", "memory_summary")));
        api.post("/api/v1/settings/timezone", Map.of("value", "UTC"));
        assertThat(tokyo.data().path("trigger").path("config").path("timezone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(tokyo.data().path("trigger").path("nextFire").asString()).endsWith("T00:00:00Z");

        // disabling drops the Quartz job; enabling brings it back
        api.post("/api/v1/triggers/" + id + "/disable", null);
        assertThat(rowsWhere("qrtz_triggers", id)).isZero();
        api.patch("/api/v1/triggers/" + id, Map.of("enabled", true));
        assertThat(rowsWhere("qrtz_triggers", id)).isOne();
        api.delete("/api/v1/triggers/" + id);
        assertThat(rowsWhere("qrtz_triggers", id)).isZero();
    }

    private long rowsWhere(String table, String triggerName) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE trigger_name = :id").param("id", triggerName)
                .query(Long.class).single();
    }

    @Test
    void aSecondLevelScheduleFiresOnItsOwnOncePerTimeAndStopsWhenDisabled() throws Exception {
        String id = create(Map.of("name", "Every second", "type", "schedule", "config", Map.of("cron", "* * * * * ?"),
                "action", Map.of("type", "notification", "payload", Map.of("title", "Tick", "message", "tick"))));
        eventually("two scheduled fires", () -> history(id).size() >= 2);
        JsonNode fires = history(id);
        assertThat(fires.get(0).path("cause").asString()).isEqualTo("schedule");
        assertThat(fires.get(0).path("status").asString()).isEqualTo("success");
        List<String> times = fires.valueStream().map(f -> f.path("scheduledFor").asString()).toList();
        assertThat(times).doesNotHaveDuplicates();
        api.post("/api/v1/triggers/" + id + "/disable", null);
        JsonNode trigger = api.get("/api/v1/triggers/" + id).data();
        assertThat(trigger.path("fireCount").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(trigger.path("lastFired").isString()).isTrue();
        assertThat(api.get("/api/v1/triggers/notifications").data().path("count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(api.post("/api/v1/triggers/" + id + "/fire", null).errorCode()).isEqualTo("TRIGGER_DISABLED");
    }

    @Test
    void invalidSchedulesAndBodiesAreRefusedWithTheReason() {
        Api.Response badCron = api.post("/api/v1/triggers", Map.of("name", "x", "type", "schedule",
                "config", Map.of("cron", "61 * * * *"), "action", Map.of("type", "memory_summary")));
        assertThat(badCron.status()).isEqualTo(400);
        assertThat(badCron.errorCode()).isEqualTo("INVALID_CRON");
        assertThat(api.post("/api/v1/triggers", Map.of("name", "x", "type", "schedule",
                "config", Map.of("cron", "0 9 1 * 1"), "action", Map.of("type", "memory_summary"))).errorCode())
                .isEqualTo("INVALID_CRON");
        assertThat(api.post("/api/v1/triggers", Map.of("name", "x", "type", "schedule", "config",
                Map.of("cron", "0 9 * * *", "timezone", "Mars/Olympus"), "action", Map.of("type", "memory_summary")))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/triggers", Map.of("name", "x", "type", "sometimes", "config", Map.of(),
                "action", Map.of("type", "chat"))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/triggers", Map.of("name", "x", "type", "event", "config",
                Map.of("eventType", "task_created"), "action", Map.of("type", "chat"))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/triggers", Map.of("name", "x", "type", "condition", "config",
                Map.of("condition", "expression", "expression", "memoryCount >"), "action",
                Map.of("type", "memory_summary"))).status()).isEqualTo(400);
        long before = rows("triggers");
        for (Object body : List.of("{\"name\": ", "[1,2]", "\"text\"", Map.of("name", 5, "type", "schedule"),
                Map.of("name", "x".repeat(100_000), "type", "event", "config", Map.of(), "action", Map.of()),
                Map.of("name", "x", "type", "event", "config", Map.of("eventType", "task_created", "filters",
                        Map.of("a", List.of(1))), "action", Map.of("type", "memory_summary")),
                Map.of("name", "x", "type", "schedule", "config", "not-an-object", "action", Map.of()),
                Map.of("name", "x", "type", "webhook", "config", Map.of("secret", "short"),
                        "action", Map.of("type", "memory_summary")),
                Map.of("name", "x", "type", "schedule", "config", Map.of("cron", "* * * * * ?"),
                        "action", Map.of("type", "explode")))) {
            HostileInput.expect4xx(api.post("/api/v1/triggers", body), String.valueOf(body));
        }
        assertThat(rows("triggers")).isEqualTo(before);
        assertThat(api.get("/api/v1/triggers/trigger_nope").status()).isEqualTo(404);
    }

    @Test
    void aSignedWebhookFiresAndABadOrReplayedOneIsRefusedWithoutFiring() throws Exception {
        Api.Response created = api.post("/api/v1/triggers", Map.of("name", "Deploys", "type", "webhook",
                "config", Map.of("webhookPath", "/ignored"),
                "action", Map.of("type", "notification", "payload", Map.of("message", "deployed"))));
        String id = created.data().path("trigger").path("id").asString();
        String secret = created.data().path("webhookSecret").asString();
        assertThat(secret).startsWith("whsec_");
        JsonNode config = api.get("/api/v1/triggers/" + id).data().path("config");
        assertThat(config.path("webhookPath").asString()).isEqualTo("/api/v1/triggers/" + id + "/webhook");
        assertThat(config.toString()).doesNotContain(secret);
        assertThat(jdbc.sql("SELECT secret FROM triggers WHERE id = :id").param("id", id).query(String.class).single())
                .doesNotContain(secret.substring(6));

        String body = "{\"service\":\"api\",\"version\":\"1.2.3\"}";
        long now = Instant.now().getEpochSecond();
        Api.Response bad = deliver(id, now, sign("not-the-secret-at-all", now, body), body);
        assertThat(bad.status()).isEqualTo(401);
        assertThat(deliver(id, now, sign(secret, now, body), body + " ").status()).isEqualTo(401);
        assertThat(deliver(id, now - 3600, sign(secret, now - 3600, body), body).status()).isEqualTo(401);
        assertThat(deliver(id, now, null, body).status()).isEqualTo(401);
        assertThat(deliver("trigger_unknown", now, sign(secret, now, body), body).status()).isEqualTo(401);

        Api.Response good = deliver(id, now, sign(secret, now, body), body);
        assertThat(good.status()).isEqualTo(202);
        eventually("the webhook's fire", () -> history(id).size() == 1);
        JsonNode fire = history(id).get(0);
        assertThat(fire.path("cause").asString()).isEqualTo("webhook");
        assertThat(fire.path("status").asString()).isEqualTo("success");
        JsonNode notification = api.get("/api/v1/triggers/notifications").data().path("notifications").get(0);
        assertThat(notification.path("data").path("data").path("version").asString()).isEqualTo("1.2.3");

        assertThat(deliver(id, now, sign(secret, now, body), body).status()).as("replayed").isEqualTo(401);
        assertThat(history(id)).hasSize(1);

        // the edit modal sends the shown config back: the masked secret keeps the real one
        JsonNode shown = api.get("/api/v1/triggers/" + id).data();
        assertThat(api.patch("/api/v1/triggers/" + id, Map.of("name", "Deploys (edited)", "config", shown.path("config"),
                "action", shown.path("action"))).status()).isEqualTo(200);
        long later = now + 1;
        assertThat(deliver(id, later, sign(secret, later, body), body).status()).isEqualTo(202);
    }

    private Api.Response deliver(String id, long timestamp, String signature, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/triggers/" + id + "/webhook"))
                .header("Content-Type", "application/json").header("X-OwnPilot-Timestamp", String.valueOf(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-OwnPilot-Signature", "sha256=" + signature);
        }
        return api.send(request);
    }

    static String sign(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEventTriggerOnTaskCreationFiresOncePerMatchingTask() throws Exception {
        String id = create(Map.of("name", "Urgent tasks", "type", "event",
                "config", Map.of("eventType", "task_created", "filters", Map.of("priority", "high")),
                "action", Map.of("type", "notification", "payload", Map.of("message", "A high-priority task"))));
        api.post("/api/v1/tasks", Map.of("title", "Ship it", "priority", "high"));
        api.post("/api/v1/tasks", Map.of("title", "Someday", "priority", "low"));
        api.post("/api/v1/tasks", Map.of("title", "Fix prod", "priority", "high"));
        awaitListeners();
        JsonNode fires = history(id);
        assertThat(fires).hasSize(2);
        assertThat(fires.valueStream().map(f -> f.path("cause").asString()).distinct().toList()).containsExactly("event");
        assertThat(jdbc.sql("SELECT count(*) FROM trigger_fire_keys WHERE trigger_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aChatActionRunsATurnUnderTheTriggersActorWithUsageAndAConversation() throws Exception {
        useFakeOpenAi("sk-trigger-chat");
        LLM.enqueue(new FakeLlmServer.Text(List.of("Here is ", "your summary."), 0));
        String id = create(Map.of("name", "Daily summary", "type", "schedule", "config", Map.of("cron", "0 18 * * *"),
                "action", Map.of("type", "chat", "message", "Summarise my day", "provider", "openai",
                        "model", "gpt-4o-mini")));
        Api.Response fired = api.post("/api/v1/triggers/" + id + "/fire", null);
        assertThat(fired.status()).as(fired.body().toString()).isEqualTo(200);
        assertThat(fired.data().path("status").asString()).as(fired.body().toString()).isEqualTo("success");
        assertThat(fired.data().path("result").path("content").asString()).isEqualTo("Here is your summary.");
        String conversation = fired.data().path("result").path("conversationId").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM usage_records WHERE actor_type = 'trigger' AND actor_id = :id")
                .param("id", id).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND actor_type = 'trigger'")
                .param("c", conversation).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(history(id).get(0).path("cause").asString()).isEqualTo("manual");
    }

    @Test
    void aToolActionOnARiskyToolIsParkedForApprovalNotRun() {
        String task = api.post("/api/v1/tasks", Map.of("title", "Keep me")).data().path("id").asString();
        String id = create(Map.of("name", "Cleanup", "type", "schedule", "config", Map.of("cron", "0 3 * * *"),
                "action", Map.of("type", "tool", "payload", Map.of("tool", "delete_task", "taskId", task))));
        Api.Response fired = api.post("/api/v1/triggers/" + id + "/fire", null);
        assertThat(fired.data().path("status").asString()).isEqualTo("skipped");
        assertThat(fired.data().path("error").asString()).contains("approval");
        assertThat(api.get("/api/v1/tasks/" + task).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM approvals WHERE actor_type = 'trigger' AND actor_id = :id "
                + "AND status = 'pending'").param("id", id).query(Long.class).single()).isOne();
    }

    @Test
    void theWebUiReadsItsShapes() {
        create(Map.of("name", "UI", "description", "from the modal", "type", "condition",
                "config", Map.of("condition", "memory_threshold", "threshold", 10),
                "action", Map.of("type", "chat", "payload", Map.of("message", "Many memories"))));
        JsonNode trigger = api.get("/api/v1/triggers?type=condition").data().path("triggers").get(0);
        assertThat(trigger.path("type").asString()).isEqualTo("condition");
        assertThat(trigger.path("config").isObject()).isTrue();
        assertThat(trigger.path("action").path("payload").path("message").asString()).isEqualTo("Many memories");
        assertThat(trigger.path("fireCount").isNumber()).isTrue();
        assertThat(trigger.has("lastFired")).isTrue();
        assertThat(trigger.has("nextFire")).isTrue();
        assertThat(api.get("/api/v1/triggers/stats").data().path("byType").path("condition").asInt()).isOne();
        assertThat(api.get("/api/v1/triggers/engine/status").data().path("clustered").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/triggers/cleanup", Map.of("maxAgeDays", 0)).status()).isEqualTo(400);
    }

    @Test
    void aConditionFiresWhenItHoldsAtMostOncePerIntervalAndAPlanActionStartsARun() throws Exception {
        jdbc.sql("DELETE FROM goals").update();
        api.post("/api/v1/goals", Map.of("title", "Learn Turkish"));
        String id = create(Map.of("name", "Goals exist", "type", "condition", "config", Map.of("condition", "expression",
                "expression", "activeGoals >= 1 && memoryCount >= 0", "checkIntervalSeconds", 1, "minIntervalMinutes", 60),
                "action", Map.of("type", "goal_check", "payload", Map.of("staleDays", 1))));
        eventually("the condition's fire", () -> history(id).size() == 1);
        assertThat(history(id).get(0).path("cause").asString()).isEqualTo("condition");
        assertThat(history(id).get(0).path("result").path("count").asInt()).isZero();
        Thread.sleep(2500);
        assertThat(history(id)).as("the minimum interval holds it back").hasSize(1);
        api.post("/api/v1/triggers/" + id + "/disable", null);

        String plan = api.post("/api/v1/plans", Map.of("name", "From a trigger", "goal", "g", "steps", List.of(
                Map.of("type", "condition", "name", "c", "config", Map.of("condition", "true")))))
                .data().path("plan").path("id").asString();
        String starter = create(Map.of("name", "Starter", "type", "schedule", "config", Map.of("cron", "0 4 * * *"),
                "action", Map.of("type", "plan", "payload", Map.of("planId", plan))));
        assertThat(api.post("/api/v1/triggers/" + starter + "/fire", null).data().path("status").asString())
                .isEqualTo("success");
        eventually("the plan ran", () -> api.get("/api/v1/plans/" + plan).data().path("status").asString()
                .equals("completed"));
    }
}
