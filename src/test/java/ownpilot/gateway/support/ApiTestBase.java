package ownpilot.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ownpilot.gateway.GatewayApplication;

/**
 * The gateway on a random port over a real PostgreSQL: the embedded one in a fresh data directory,
 * or {@code OWNPILOT_TEST_DB_URL} when set. All API tests share this one context.
 */
@SpringBootTest(classes = {GatewayApplication.class, EventProbe.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestBase {

    protected static final FakeDockerEngine DOCKER;
    protected static final FakeModelsDev MODELS_DEV;
    protected static final FakeLlmServer LLM;
    protected static final FakePlatforms PLATFORMS = new FakePlatforms();
    protected static final Path DATA_DIR;

    static {
        try {
            DOCKER = new FakeDockerEngine();
            MODELS_DEV = new FakeModelsDev();
            LLM = new FakeLlmServer();
            DATA_DIR = Files.createTempDirectory("ownpilot-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("ownpilot.data-dir", DATA_DIR::toString);
        registry.add("ownpilot.docker.host", DOCKER::host);
        registry.add("ownpilot.cors.allowed-origins", () -> "http://localhost:5173");
        registry.add("ownpilot.http.max-body-bytes", () -> "262144");
        registry.add("ownpilot.customtools.timeout-ms", () -> "1000");
        registry.add("ownpilot.customtools.max-statements", () -> "1000000");
        registry.add("ownpilot.customtools.max-memory-mb", () -> "128");
        registry.add("ownpilot.models.sync-url", MODELS_DEV::url);
        registry.add("ownpilot.llm.stall-timeout-ms", () -> "1500");
        registry.add("ownpilot.llm.retry-base-ms", () -> "20");
        registry.add("ownpilot.chat.heartbeat-ms", () -> "200");
        registry.add("ownpilot.health.probe-port", () -> "0");
        registry.add("ownpilot.events.retry-interval-ms", () -> "200");
        registry.add("ownpilot.triggers.min-interval-seconds", () -> "1");
        // Quartz keeps its data sources in a JVM-wide registry by scheduler name: every context in this
        // JVM needs a name of its own, or closing one breaks the others' scheduler
        registry.add("spring.quartz.scheduler-name", () -> "ownpilot-api-tests");
        registry.add("ownpilot.plans.retry-base-ms", () -> "20");
        registry.add("ownpilot.plans.poll-ms", () -> "200");
        registry.add("ownpilot.channels.telegram-api-url", () -> PLATFORMS.url("telegram"));
        registry.add("ownpilot.channels.slack-api-url", () -> PLATFORMS.url("slack"));
        registry.add("ownpilot.channels.discord-api-url", () -> PLATFORMS.url("discord"));
        registry.add("ownpilot.channels.poll-timeout-seconds", () -> "1");
        String external = System.getenv("OWNPILOT_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            registry.add("ownpilot.database.url", () -> external);
            registry.add("ownpilot.database.username", () -> System.getenv().getOrDefault("OWNPILOT_TEST_DB_USER", ""));
            registry.add("ownpilot.database.password",
                    () -> System.getenv().getOrDefault("OWNPILOT_TEST_DB_PASSWORD", ""));
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** Back to no limits (through the API, so the gateway's cached copy is refreshed too). */
    /** OpenAI pointed at the fake model server, with a stored key and no budget in the way. */
    protected void useFakeOpenAi(String key) {
        LLM.reset();
        api.put("/api/v1/providers/openai/config", java.util.Map.of("baseUrl", LLM.baseUrl()));
        api.post("/api/v1/settings/api-key/openai", java.util.Map.of("apiKey", key));
        resetBudget();
    }

    protected void resetBudget() {
        api.post("/api/v1/costs/budget", "{\"dailyLimit\": null, \"monthlyLimit\": null, "
                + "\"alertThresholds\": [50, 80, 100], \"limitAction\": \"block\"}");
    }

    /**
     * Waits (at most 20 s) until every event published so far reached its listeners: audit records and
     * other reactions are written after the publishing transaction commits, asynchronously.
     */
    protected void awaitListeners() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("event listeners did not complete: " + jdbc.sql(
                        "SELECT listener_id || ' ' || status FROM event_publication WHERE completion_date IS NULL")
                        .query(String.class).list());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits (at most 20 s) for something the background workers do; fails naming what never happened. */
    protected static void eventually(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(50);
        }
    }

    protected long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
