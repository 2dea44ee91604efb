package ownpilot.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.shared.ProbePort;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

/** The probe port (the tests ask for a free one) answers the probes, on threads of its own, and nothing else. */
class ProbePortApiTest extends ApiTestBase {

    @Autowired
    ProbePort probePort;

    @Test
    void answersTheProbesOnPlatformThreadsOfItsOwn() {
        int probes = probePort.localPort();
        assertThat(probes).isPositive().isNotEqualTo(port);
        Api api = new Api(probes);
        for (String path : new String[] {"/health/live", "/health/ready", "/api/v1/health/live",
                "/api/v1/health/ready"}) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.data().path("status").asString()).as(path).isEqualTo("ok");
        }
        // the main port hands requests to virtual threads; the probe connector to its own pool ("-exec-")
        assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(t -> {
            assertThat(t.getName()).startsWith("http-nio-").contains("-exec-");
            assertThat(t.isVirtual()).isFalse();
        });
    }

    @Test
    void servesNothingButTheProbes() {
        Api probes = new Api(probePort.localPort());
        for (Api.Response r : new Api.Response[] {probes.get("/api/v1/tasks"), probes.get("/health"),
                probes.post("/api/v1/tasks", Map.of("title", "not through the probe port")),
                probes.get("/health/live/../../api/v1/tasks")}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        }
        assertThat(rows("tasks WHERE title = 'not through the probe port'")).isZero();
        assertThat(this.api.get("/api/v1/tasks").status()).isEqualTo(200);
    }
}
