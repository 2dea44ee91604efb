package ownpilot.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

class HealthApiTest extends ApiTestBase {

    @AfterEach
    void engineBackUp() {
        DOCKER.setUp(true);
        api.post("/health/sandbox/reset", "");
    }

    @Test
    void healthIsHealthyWithDatabaseAndDocker() {
        DOCKER.setUp(true);
        api.post("/health/sandbox/reset", "");
        for (String base : new String[] {"/health", "/api/v1/health"}) {
            Api.Response r = api.get(base);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data().path("status").asString()).isEqualTo("healthy");
            assertThat(r.data().path("checks").findValuesAsString("name")).containsExactly("core", "database", "docker");
            assertThat(r.data().path("database").path("connected").asBoolean()).isTrue();
            assertThat(r.data().path("sandbox").path("dockerVersion").asString()).isEqualTo("24.0.0");
            assertThat(r.data().path("uptime").isNumber()).isTrue();
            assertThat(r.body().path("meta").path("requestId").asString()).isNotBlank();
        }
    }

    @Test
    void healthIsDegradedWhenDockerIsMissing() {
        DOCKER.setUp(false);
        api.post("/health/sandbox/reset", "");
        Api.Response r = api.get("/health");
        assertThat(r.data().path("status").asString()).isEqualTo("degraded");
        assertThat(r.data().path("checks").get(2).path("status").asString()).isEqualTo("warn");
        assertThat(r.data().path("sandbox").path("dockerAvailable").asBoolean()).isFalse();
        assertThat(r.data().path("sandbox").path("codeExecutionEnabled").asBoolean()).isFalse();
    }

    @Test
    void probesAnswerWithTheEnvelope() {
        Api.Response live = api.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.data().path("status").asString()).isEqualTo("ok");
        Api.Response ready = api.get("/api/v1/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.data().path("status").asString()).isEqualTo("ok");
    }

    @Test
    void sandboxReportIsCachedUntilRefreshOrReset() {
        DOCKER.setUp(true);
        Api.Response first = api.get("/health/sandbox?refresh=true");
        assertThat(first.data().path("dockerAvailable").asBoolean()).isTrue();
        assertThat(first.data().path("securityFlagsSupported").asBoolean()).isTrue();
        assertThat(first.data().path("imagesAvailable").path("alpine:latest").asBoolean()).isTrue();
        assertThat(first.data().path("imagesAvailable").path("python:3.11-slim").asBoolean()).isFalse();

        DOCKER.setUp(false);
        assertThat(api.get("/health/sandbox").data().path("dockerAvailable").asBoolean()).isTrue();
        Api.Response refreshed = api.get("/health/sandbox?refresh=true");
        assertThat(refreshed.data().path("dockerAvailable").asBoolean()).isFalse();
        assertThat(refreshed.data().path("error").asString()).contains("No Docker engine");

        DOCKER.setUp(true);
        Api.Response reset = api.post("/health/sandbox/reset", "");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.data().path("message").asString()).isNotBlank();
        assertThat(api.get("/health/sandbox").data().path("dockerAvailable").asBoolean()).isTrue();
    }

    @Test
    void sandboxRefreshRejectsANonBoolean() {
        Api.Response r = api.get("/health/sandbox?refresh=maybe");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void pullImagesPullsTheThreeSandboxImages() {
        DOCKER.setUp(true);
        DOCKER.pulled.clear();
        Api.Response r = api.post("/health/sandbox/pull-images", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("images").path("python").path("success").asBoolean()).isTrue();
        assertThat(r.data().path("images").path("javascript").path("image").asString()).isEqualTo("node:20-slim");
        assertThat(r.data().path("images").path("shell").path("success").asBoolean()).isTrue();
        assertThat(DOCKER.pulled).hasSize(3).anyMatch(q -> q.contains("fromImage=python"));
    }

    @Test
    void pullImagesWithoutAnEngineIs503DockerUnavailable() {
        DOCKER.setUp(false);
        Api.Response r = api.post("/api/v1/health/sandbox/pull-images", "");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.errorCode()).isEqualTo("DOCKER_UNAVAILABLE");
    }
}
