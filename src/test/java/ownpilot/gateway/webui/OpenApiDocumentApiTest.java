package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Every route the gateway registers is in the OpenAPI document, with an enveloped success schema. */
class OpenApiDocumentApiTest extends ApiTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRegisteredRouteIsDocumented() {
        Api.Response doc = api.get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        JsonNode body = doc.body();
        assertThat(body.path("openapi").asString()).startsWith("3.1");
        assertThat(body.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(body.path("components").path("schemas").has("ErrorEnvelope")).isTrue();
        List<String> missing = new ArrayList<>();
        int routes = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("ownpilot.gateway")) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    routes++;
                    JsonNode operation = body.path("paths").path(pattern).path(method.name().toLowerCase(Locale.ROOT));
                    JsonNode success = operation.path("responses").valueStream().filter(r -> r.has("content"))
                            .findFirst().orElse(null);
                    if (operation.isMissingNode() || success == null || !success.toString().contains("\"data\"")) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(routes).isGreaterThan(150);
        assertThat(missing).as("routes without a documented enveloped response").isEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response page = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/swagger-ui/index.html")).GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("swagger");
    }
}
