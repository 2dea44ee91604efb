package ownpilot.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ownpilot.gateway.GatewayApplication;
import ownpilot.gateway.support.EventProbe;

/**
 * An event whose listener had not completed when the process stopped is delivered by the next start:
 * the publication was committed with the action, and the restart resubmits what is incomplete.
 */
class EventsRestartIT {

    @Test
    void anEventPublishedJustBeforeAStopIsDeliveredAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("ownpilot-events-");
        String id = "crash-" + UUID.randomUUID();
        EventProbe.block(id);
        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(EventProbe.class).publish(id);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                    + "AND serialized_event LIKE :id").param("id", "%" + id + "%").query(Long.class).single())
                    .isEqualTo(1);
        }
        EventProbe.unblock(id);
        assertThat(EventProbe.delivered(id)).isFalse();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!EventProbe.delivered(id) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(EventProbe.delivered(id)).isTrue();
            assertThat(EventProbe.attempts(id)).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(GatewayApplication.class, EventProbe.class).run(
                "--ownpilot.data-dir=" + dataDir, "--server.port=0", "--ownpilot.database.url=",
                "--ownpilot.docker.host=tcp://127.0.0.1:9", "--ownpilot.events.retry-interval-ms=600000");
    }
}
