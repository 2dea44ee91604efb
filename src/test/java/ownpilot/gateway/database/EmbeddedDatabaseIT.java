package ownpilot.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ownpilot.gateway.GatewayApplication;
import ownpilot.gateway.support.Api;

/** The embedded PostgreSQL is durable, password-protected, and survives a gateway that died. */
class EmbeddedDatabaseIT {

    @Test
    void theClusterIsDurableAndTheGatewayIsNoSuperuser() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-db-").resolve("first/start");
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(jdbc.sql("SHOW " + setting).query(String.class).single()).as(setting).isEqualTo("on");
            }
            Map<String, String> sizing = Map.of("shared_buffers", "32MB", "work_mem", "4MB",
                    "maintenance_work_mem", "32MB", "max_connections", "40");
            sizing.forEach((setting, value) -> assertThat(jdbc.sql("SHOW " + setting).query(String.class).single())
                    .as(setting).isEqualTo(value));
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("ownpilot");
            assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class)
                    .single()).isFalse();
            Path key = dataDir.resolve("credentials/secret.key");
            assertThatThrownBy(() -> jdbc.sql("SELECT pg_read_file(?)").param(key.toString()).query(String.class)
                    .single()).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.sql("COPY (SELECT 1) TO PROGRAM 'id'").update())
                    .rootCause().hasMessageContaining("must be superuser");

            int port = app.getBean(EmbeddedDatabase.class).port();
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                    + "/postgres?user=postgres")).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                    + "/postgres?user=postgres&password=postgres")).hasMessageContaining("password authentication failed");
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust");
            for (String file : List.of("secret.key", "postgres-superuser.password", "postgres-ownpilot.password")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        dataDir.resolve("credentials").resolve(file)))).as(file).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void theServerIsSizedByItsSettingsAndBadSizesAreRefusedBeforeItStarts() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-sizing-");
        try (ConfigurableApplicationContext app = start(dataDir, "--ownpilot.database.embedded.shared-buffers=16MB",
                "--ownpilot.database.embedded.work-mem=8MB", "--ownpilot.database.embedded.max-connections=30",
                "--ownpilot.database.pool-size=25")) {
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("SHOW shared_buffers").query(String.class).single()).isEqualTo("16MB");
            assertThat(jdbc.sql("SHOW work_mem").query(String.class).single()).isEqualTo("8MB");
            assertThat(jdbc.sql("SHOW max_connections").query(String.class).single()).isEqualTo("30");
        }
        assertThat(rootMessage(() -> start(dataDir, "--ownpilot.database.embedded.work-mem=4MB -c fsync=off")))
                .contains("kB, MB or GB");
        assertThat(rootMessage(() -> start(dataDir, "--ownpilot.database.pool-size=60")))
                .contains("max-connections (40) must be at least ownpilot.database.pool-size (60) + 5");
    }

    private static String rootMessage(org.assertj.core.api.ThrowableAssert.ThrowingCallable start) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(start);
        assertThat(failure).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void aPostgresLeftRunningByADeadGatewayIsTakenOver() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-orphan-");
        Path pgData = dataDir.resolve("postgres");
        String taskId;
        Path binaries;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            taskId = new Api(port(first)).post("/api/v1/tasks", Map.of("title", "Before the crash")).data()
                    .path("id").asString();
            binaries = Path.of(OrphanedPostmaster.find(pgData).orElseThrow().info().command().orElseThrow()).getParent();
        }
        // what a kill -9 of the gateway leaves: its postmaster, still running on the data directory
        // (started as zonky starts it: in a user namespace, since PostgreSQL refuses to run as root)
        new ProcessBuilder("unshare", "-U", binaries.resolve("postgres").toString(), "-D", pgData.toString(), "-p",
                Integer.toString(freePort()), "-c", "listen_addresses=127.0.0.1")
                .redirectOutput(dataDir.resolve("orphan.log").toFile()).redirectErrorStream(true).start();
        Path pid = pgData.resolve("postmaster.pid");
        for (int i = 0; i < 600 && !(Files.exists(pid) && Files.readString(pid).contains("ready")); i++) {
            Thread.sleep(50);
        }
        ProcessHandle orphan = OrphanedPostmaster.find(pgData).orElseThrow();
        assertThat(orphan.isAlive()).isTrue();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(new Api(port(second)).get("/api/v1/tasks/" + taskId).data().path("title").asString())
                    .isEqualTo("Before the crash");
        }
    }

    @Test
    void aSecondGatewayOnALiveDataDirectoryGetsOneClearMessage() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-busy-");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> start(dataDir).close());
            Throwable root = failure;
            while (!(root instanceof DataDirectoryInUseException) && root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use by another running gateway");
            var analysis = new DataDirectoryInUseFailureAnalyzer().analyze(failure);
            String factories = new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes());
            assertThat(factories).contains(FailureAnalyzer.class.getName())
                    .contains(DataDirectoryInUseFailureAnalyzer.class.getName());
            assertThat(analysis.getDescription()).contains(dataDir.toString()).contains("in use by another running gateway");
            assertThat(new Api(port(first)).get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void aStartThatFailsAfterTheServerWasStartedLeavesNothingRunning() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-failed-start-");
        // the embedded server starts on its own thread while the context is built; these contexts then
        // fail before they take the server (a setting that does not bind) and after (an open address
        // without authentication)
        assertThat(rootMessage(() -> start(dataDir, "--ownpilot.http.max-body-bytes=lots"))).contains("lots");
        assertThat(OrphanedPostmaster.find(dataDir.resolve("postgres"))).isEmpty();
        assertThat(rootMessage(() -> start(dataDir, "--server.address=0.0.0.0"))).containsIgnoringCase("auth");
        assertThat(OrphanedPostmaster.find(dataDir.resolve("postgres"))).isEmpty();
        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(new Api(port(app)).get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void anOlderClusterThatTrustedLocalConnectionsIsMovedAndLockedDown() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-legacy-");
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(legacy.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();
            JdbcClient.create(legacy.getPostgresDatabase()).sql(
                    "INSERT INTO settings (user_id, key, value) VALUES ('default', 'timezone', '\"Europe/Berlin\"')")
                    .update();
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).containsPattern("(?m)^[^#]*trust");
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Api api = new Api(port(app));
            assertThat(api.get("/api/v1/settings/timezone").raw().body()).contains("Europe/Berlin");
            assertThat(api.post("/api/v1/tasks", Map.of("title", "After the move")).status()).isEqualTo(201);
            assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust");
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo("ownpilot");
            assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'ownpilot'")
                    .query(Long.class).single()).isZero();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--ownpilot.data-dir=" + dataDir, "--server.port=0",
                "--ownpilot.database.url=", "--ownpilot.docker.host=tcp://127.0.0.1:9"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
