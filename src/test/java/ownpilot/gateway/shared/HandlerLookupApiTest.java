package ownpilot.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

/**
 * Routes with a path variable go through {@link MethodCachingHandlerMapping}'s lookup, which reads the
 * method once: every answer that depends on the method must stay Spring's.
 */
class HandlerLookupApiTest extends ApiTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void theGatewayRoutesThroughTheMethodCachingLookup() {
        assertThat(handlerMapping).isInstanceOf(MethodCachingHandlerMapping.class);
    }

    @Test
    void aPathVariableRouteStillAnswersEachMethodItsOwnWay() {
        Api.Response run = api.post("/api/v1/tools/calculate/execute", Map.of("arguments", Map.of("expression", "6*7")));
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.raw().body()).contains("42");

        Api.Response read = api.get("/api/v1/tools/calculate");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().path("name").asString()).isEqualTo("calculate");

        Api.Response head = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tools/calculate"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.raw().body()).isEmpty();
    }

    @Test
    void aWrongMethodOnAPathVariableRouteIs405NamingTheAllowedOnes() {
        Api.Response r = api.delete("/api/v1/tools/calculate/execute");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(r.header("Allow")).contains("POST").doesNotContain("DELETE");
    }

    @Test
    void aPreflightOnAPathVariableRouteIsAnsweredForTheRequestedMethod() {
        Api.Response allowed = api.send(HttpRequest.newBuilder(api.uri("/api/v1/tools/calculate/execute"))
                .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
    }
}
