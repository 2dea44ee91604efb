package ownpilot.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import ownpilot.gateway.GatewayApplication;
import ownpilot.gateway.support.Api;

/**
 * Starts the real application twice on one data directory: data written before the restart is
 * there after it. Then takes the embedded database away and watches the probes react.
 */
class PersistenceRestartIT {

    @Test
    void dataSurvivesARestartAndReadinessFollowsTheDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-restart-");
        String taskId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = new Api(port(first));
            taskId = api.post("/api/v1/tasks", Map.of("title", "Survives restarts")).data().path("id").asString();
            api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", "sk-restart-test-0123456789"));
        }
        assertThat(Files.exists(dataDir.resolve("postgres"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("credentials/secret.key"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = new Api(port(second));
            assertThat(api.get("/api/v1/tasks/" + taskId).data().path("title").asString())
                    .isEqualTo("Survives restarts");
            assertThat(api.get("/api/v1/settings/api-key/openai").data().path("configured").asBoolean()).isTrue();
            assertThat(api.get("/health/ready").status()).isEqualTo(200);

            second.getBean(EmbeddedDatabase.class).close();

            Api.Response ready = api.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
            Api.Response health = api.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.data().path("status").asString()).isEqualTo("unhealthy");
            assertThat(health.data().path("database").path("connected").asBoolean()).isFalse();
            assertThat(api.get("/health/live").status()).isEqualTo(200);
            Api.Response write = api.post("/api/v1/tasks", Map.of("title", "no database"));
            assertThat(write.status()).isEqualTo(503);
            assertThat(write.errorCode()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(write.raw().body()).doesNotContain("Exception");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Command-line arguments: they take precedence over application.yml, as a user's would.
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--ownpilot.data-dir=" + dataDir, "--server.port=0", "--ownpilot.database.url=",
                "--ownpilot.docker.host=tcp://127.0.0.1:9", "--ownpilot.database.connection-timeout-ms=1000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
