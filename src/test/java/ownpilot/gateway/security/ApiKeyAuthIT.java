package ownpilot.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.Gateway;
import ownpilot.gateway.support.LiveSocket;

/** Auth mode {@code api-key}: every route but the probes needs a configured key; limits per user. */
class ApiKeyAuthIT {

    static final String ALICE_KEY = "alice-key-0123456789abcdef";
    static final String BOB_KEY = "bob-key-0123456789abcdef";
    static final String CAROL_KEY = "carol-key-0123456789abcdef";
    static final int PER_USER_PER_MINUTE = 400;

    static Gateway gateway;

    @BeforeAll
    static void start() {
        gateway = Gateway.start("--ownpilot.auth.mode=api-key",
                "--ownpilot.auth.api-keys=alice:" + sha256(ALICE_KEY) + ", bob:" + sha256(BOB_KEY) + ",carol:"
                        + sha256(CAROL_KEY),
                "--ownpilot.auth.rate-limit.per-user-per-minute=" + PER_USER_PER_MINUTE,
                "--ownpilot.auth.rate-limit.per-address-per-minute=100000");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static String sha256(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    @Test
    void everyRouteButTheProbesNeedsAKey() {
        Api anonymous = gateway.api();
        Api.Response none = anonymous.get("/api/v1/tasks");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(none.body().path("meta").path("requestId").asString()).isNotBlank();
        assertThat(anonymous.get("/api/v1/no-such-route").status()).as("no route map for strangers").isEqualTo(401);
        assertThat(anonymous.post("/api/v1/tasks", "{\"title\":\"x\"}").status()).isEqualTo(401);
        assertThat(anonymous.get("/health").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/prometheus").status()).as("metrics need a credential").isEqualTo(401);
        assertThat(anonymous.with("X-API-Key", ALICE_KEY).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/health/live").status()).isEqualTo(200);

        Api.Response wrong = anonymous.with("Authorization", "Bearer not-a-key").get("/api/v1/tasks");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(anonymous.with("X-API-Key", ALICE_KEY + "x").get("/api/v1/tasks").status()).isEqualTo(401);
        assertThat(anonymous.with("Authorization", "Basic " + ALICE_KEY).get("/api/v1/tasks").status())
                .isEqualTo(401);
        assertThat(anonymous.with("Authorization", "Bearer " + "k".repeat(5000)).get("/api/v1/tasks").status())
                .isEqualTo(401);

        assertThat(anonymous.with("Authorization", "Bearer " + ALICE_KEY).get("/api/v1/tasks").status())
                .isEqualTo(200);
        assertThat(anonymous.with("X-API-Key", ALICE_KEY).get("/api/v1/tasks").status()).isEqualTo(200);
        assertThat(anonymous.with("X-API-Key", ALICE_KEY).get("/api/v1/no-such-route").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/tasks?token=" + ALICE_KEY).status())
                .as("a query credential is accepted on /ws only").isEqualTo(401);
    }

    @Test
    void theLiveEventSocketNeedsAKeyInAHeaderOrTheQuery() throws Exception {
        assertThatThrownBy(() -> new LiveSocket(gateway.port(), "")).isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> new LiveSocket(gateway.port(), "?token=wrong"))
                .isInstanceOf(ExecutionException.class);
        try (LiveSocket socket = new LiveSocket(gateway.port(), "?token=" + ALICE_KEY)) {
            assertThat(socket.next("connection:ready", 10)).isNotNull();
        }
    }

    @Test
    void aUserOverTheLimitGets429WithRetryAfter() {
        Api carol = gateway.api().with("X-API-Key", CAROL_KEY);
        Api.Response last = null;
        for (int i = 0; i <= 2 * PER_USER_PER_MINUTE && (last == null || last.status() != 429); i++) {
            last = carol.get("/api/v1/tasks?limit=1");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(gateway.api().with("X-API-Key", ALICE_KEY).get("/api/v1/tasks?limit=1").status())
                .as("other users keep their own budget").isEqualTo(200);
        assertThat(gateway.api().get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void aPreflightFromAnAllowedOriginNeedsNoCredential() {
        Api.Response preflight = gateway.api().send(HttpRequest.newBuilder(gateway.api().uri("/api/v1/tasks"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    }
}
