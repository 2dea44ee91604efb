package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.Gateway;
import ownpilot.gateway.support.LiveSocket;

/** Two gateway processes on one PostgreSQL behave as one. */
class ReplicasIT {

    static final String[] SHARED = {"--ownpilot.secret-key=replicas-test-shared-secret",
        "--ownpilot.cache.ttl-ms=600000", "--ownpilot.triggers.min-interval-seconds=1", "--ownpilot.plans.poll-ms=200",
        "--spring.quartz.scheduler-name=ownpilot-replicas"};

    static EmbeddedPostgres db;
    static Gateway a;
    static Gateway b;

    /**
     * Both on one PostgreSQL of their own, external to each (replicas need an external database: a
     * gateway on its embedded one takes it for itself alone and coordinates in memory).
     */
    @BeforeAll
    static void start() throws java.io.IOException {
        db = EmbeddedPostgres.builder().start();
        List<String> args = new ArrayList<>(List.of(SHARED));
        args.addAll(List.of("--ownpilot.database.url=jdbc:postgresql://127.0.0.1:" + db.getPort() + "/postgres",
                "--ownpilot.database.username=postgres", "--ownpilot.database.password=postgres"));
        a = Gateway.start(args.toArray(String[]::new));
        b = Gateway.start(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        b.close();
        a.close();
        db.close();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void theConversationLockHoldsAcrossReplicas() {
        String conversation = "conv-" + UUID.randomUUID();
        Runnable release = a.bean(ConversationLocks.class).acquire(conversation);
        ConversationLocks other = b.bean(ConversationLocks.class);
        assertThat(other.isBusy(conversation)).isTrue();
        assertThatThrownBy(() -> other.acquire(conversation)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("CONVERSATION_BUSY"));
        release.run();
        assertThat(other.isBusy(conversation)).isFalse();
        other.acquire(conversation).run();
    }

    @Test
    void aChangeOnOneReplicaInvalidatesTheCacheOfTheOther() throws Exception {
        Api onA = a.api();
        Api onB = b.api();
        onA.post("/api/v1/costs/budget", Map.of("dailyLimit", 1.25));
        assertThat(eventually(() -> onB.get("/api/v1/costs/budget").data().path("daily").path("limit")
                .asDouble() == 1.25)).isTrue();
        onA.post("/api/v1/costs/budget", Map.of("dailyLimit", 7.5));
        assertThat(eventually(() -> onB.get("/api/v1/costs/budget").data().path("daily").path("limit")
                .asDouble() == 7.5)).as("B's cached budget (ttl 10 min) was invalidated by A").isTrue();
        onA.post("/api/v1/costs/budget", "{\"dailyLimit\": null}");
    }

    @Test
    void liveEventsRaisedOnOneReplicaReachClientsOfTheOther() throws Exception {
        try (LiveSocket onB = new LiveSocket(b.port(), "")) {
            assertThat(onB.next("connection:ready", 10)).isNotNull();
            a.api().post("/api/v1/tools/calculate/execute", Map.of("arguments", Map.of("expression", "2+2")));
            assertThat(onB.next("tool:executed", 15)).isNotNull();
        }
    }

    @Test
    void anApprovalDecidedOnBothReplicasAtOnceRunsOnce() throws Exception {
        Api onA = a.api();
        Api onB = b.api();
        onA.patch("/api/v1/autonomy/config", Map.of("level", 0));
        try {
            String task = onA.post("/api/v1/tasks", Map.of("title", "delete me once")).data().path("id").asString();
            String correlation = "replicas-" + UUID.randomUUID();
            Api.Response parked = onA.send(HttpRequest.newBuilder(onA.uri("/api/v1/tools/use_tool/execute"))
                    .header("Content-Type", "application/json").header("X-Request-Id", correlation)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"arguments\":{\"tool_name\":\"delete_task\","
                            + "\"arguments\":{\"taskId\":\"" + task + "\"}}}")));
            String approval = parked.data().path("result").path("approvalId").asString();
            assertThat(approval).isNotBlank();

            ExecutorService both = Executors.newFixedThreadPool(2);
            List<Callable<Integer>> decisions = List.of(
                    () -> onA.post("/api/v1/autonomy/approve/" + approval, "").status(),
                    () -> onB.post("/api/v1/autonomy/approve/" + approval, "").status());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : both.invokeAll(decisions)) {
                statuses.add(f.get());
            }
            both.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(onB.get("/api/v1/tasks/" + task).status()).isEqualTo(404);
            JdbcClient jdbc = a.bean(JdbcClient.class);
            assertThat(eventually(() -> jdbc.sql("SELECT count(*) FROM audit_events WHERE correlation_id = :c "
                    + "AND type = 'tool.success'").param("c", correlation).query(Long.class).single() == 1)).isTrue();
            Thread.sleep(500);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE correlation_id = :c AND type LIKE 'tool.%'")
                    .param("c", correlation).query(Long.class).single()).as("the tool ran once").isEqualTo(1);
        } finally {
            onA.post("/api/v1/autonomy/config/reset", "");
        }
    }

    @Test
    void twoReplicasFireEachScheduledTimeOnceBetweenThem() throws Exception {
        Api onA = a.api();
        String id = onA.post("/api/v1/triggers", Map.of("name", "Both replicas", "type", "schedule",
                "config", Map.of("cron", "* * * * * ?"), "action", Map.of("type", "memory_summary")))
                .data().path("trigger").path("id").asString();
        JdbcClient db = JdbcClient.create(a.bean(DataSource.class));
        assertThat(eventually(() -> db.sql("SELECT count(*) FROM trigger_history WHERE trigger_id = :id").param("id", id)
                .query(Long.class).single() >= 6)).isTrue();
        onA.post("/api/v1/triggers/" + id + "/disable", null);
        List<String> times = db.sql("SELECT scheduled_for::text FROM trigger_history WHERE trigger_id = :id")
                .param("id", id).query(String.class).list();
        assertThat(times).doesNotHaveDuplicates();
        assertThat(db.sql("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'ownpilot-replicas'")
                .query(Long.class).single()).isEqualTo(2);
        onA.delete("/api/v1/triggers/" + id);
    }

    @Test
    void aPlanPausedOnOneReplicaStopsWhereverItRuns() throws Exception {
        Api onA = a.api();
        Api onB = b.api();
        String id = onA.post("/api/v1/plans", Map.of("name", "Across", "goal", "Two replicas", "steps", List.of(
                Map.of("type", "user_input", "name", "ask", "config", Map.of("question", "Go?", "inputType", "confirm")),
                Map.of("type", "condition", "name", "after", "config", Map.of("condition", "step0.answer")))))
                .data().path("plan").path("id").asString();
        onA.post("/api/v1/plans/" + id + "/execute", null);
        assertThat(eventually(() -> onB.get("/api/v1/plans/" + id).data().path("waitingFor").isObject())).isTrue();
        assertThat(onB.post("/api/v1/plans/" + id + "/pause", null).data().path("status").asString()).isEqualTo("paused");
        String step = onA.get("/api/v1/plans/inputs").data().path("inputs").get(0).path("id").asString();
        onA.post("/api/v1/plans/" + id + "/steps/" + step + "/answer", Map.of("answer", true));
        assertThat(onA.get("/api/v1/plans/" + id + "/steps").data().path("steps").get(1).path("status").asString())
                .isEqualTo("pending");
        onB.post("/api/v1/plans/" + id + "/resume", null);
        assertThat(eventually(() -> onA.get("/api/v1/plans/" + id).data().path("status").asString().equals("completed")))
                .isTrue();
    }
}
