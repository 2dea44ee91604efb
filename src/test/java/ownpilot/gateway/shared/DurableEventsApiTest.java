package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.support.ApiTestBase;
import ownpilot.gateway.support.EventProbe;

/** Reactions go through the durable publication registry: a listener that throws is retried. */
class DurableEventsApiTest extends ApiTestBase {

    @Autowired
    EventProbe probe;

    @Test
    void aFailingListenerIsRetriedUntilItSucceeds() {
        String id = "retry-" + UUID.randomUUID();
        EventProbe.failTimes(id, 2);
        probe.publish(id);
        awaitListeners();
        assertThat(EventProbe.delivered(id)).isTrue();
        assertThat(EventProbe.attempts(id)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + id + "%").query(Long.class).single())
                .as("completed publications are removed").isZero();
    }
}
