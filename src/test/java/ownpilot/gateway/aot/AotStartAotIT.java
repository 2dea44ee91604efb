package ownpilot.gateway.aot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.jdbc.core.simple.JdbcClient;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.Gateway;

/**
 * The gateway as scripts/run.sh starts it: from the context the build's Spring AOT processing wrote
 * down. Run by failsafe after {@code package} (the generated classes exist only then), in a JVM of its
 * own with {@code spring.aot.enabled=true}. The database choice is the one decision a build-time view
 * could freeze, so both ways are started here.
 */
class AotStartAotIT {

    @Test
    void theAotContextStartsOnTheEmbeddedDatabase() throws Exception {
        assertThat(AotDetector.useGeneratedArtifacts()).as("started in AOT mode").isTrue();
        Path dataDir = Files.createTempDirectory("ownpilot-aot-");
        try (Gateway gateway = Gateway.start(dataDir, "--ownpilot.database.url=")) {
            Api api = gateway.api();
            assertThat(api.get("/health/ready").status()).isEqualTo(200);
            assertThat(api.post("/api/v1/tasks", Map.of("title", "AOT task")).status()).isEqualTo(201);
            assertThat(api.get("/api/v1/tasks").raw().body()).contains("AOT task");
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void theAotContextUsesTheExternalDatabaseItIsGivenAtStart() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-aot-external-");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
                Gateway gateway = Gateway.start(dataDir, "--ownpilot.database.url=jdbc:postgresql://127.0.0.1:"
                        + external.getPort() + "/postgres", "--ownpilot.database.username=postgres",
                        "--ownpilot.database.password=postgres")) {
            assertThat(gateway.api().post("/api/v1/tasks", Map.of("title", "Into the external one")).status())
                    .isEqualTo(201);
            assertThat(JdbcClient.create(external.getPostgresDatabase()).sql("SELECT title FROM tasks")
                    .query(String.class).list()).contains("Into the external one");
        }
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }
}
