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
        List<String> untyped = new ArrayList<>();
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
                    boolean streamOnly = success != null && (operation.path("x-raw-response").asBoolean(false)
                            || success.path("content").propertyNames().stream()
                                    .noneMatch(type -> type.contains("json") || type.equals("*/*")));
                    if (operation.isMissingNode() || success == null
                            || !streamOnly && !success.toString().contains("\"data\"")) {
                        missing.add(method + " " + pattern);
                    } else if (!streamOnly && !described(body, success.path("content").valueStream().findFirst()
                            .orElseThrow().path("schema").path("properties").path("data"))) {
                        untyped.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(routes).isGreaterThan(150);
        assertThat(missing).as("routes without a documented enveloped response").isEmpty();
        assertThat(untyped).as("routes whose data schema is an empty object").isEmpty();
    }

    /** A data schema names its shape: a record with properties, a list of them, a scalar, or a map of them. */
    private static boolean described(JsonNode doc, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().substring("#/components/schemas/".length());
            return described(doc, doc.path("components").path("schemas").path(name));
        }
        if (schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf")) {
            return true;
        }
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asString()
                : schema.path("type").asString();
        return switch (type) {
            case "array" -> described(doc, schema.path("items"));
            case "object" -> schema.path("properties").size() > 0
                    || schema.path("additionalProperties").isObject() && described(doc, schema.path("additionalProperties"));
            case "" -> false;
            default -> true;
        };
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response page = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/swagger-ui/index.html")).GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("swagger");
    }
}
