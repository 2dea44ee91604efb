package ownpilot.gateway.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): every
 * route, its success body inside the envelope ({@code success, data, meta}), the error envelope for
 * the failures every route can answer, and the two credential schemes of the auth modes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String ERROR = "ErrorEnvelope";
    private static final Map<String, String> FAILURES = Map.of("400", "Malformed or invalid request",
            "401", "Missing or invalid credential (auth modes api-key and jwt)", "404", "Not found",
            "429", "Rate limited or busy", "500", "Unexpected error (never with a stack trace)");

    @Bean
    OpenAPI gatewayApi(ObjectProvider<BuildProperties> build) {
        BuildProperties props = build.getIfAvailable();
        Schema<?> meta = new ObjectSchema().addProperty("requestId", new StringSchema())
                .addProperty("timestamp", new StringSchema()).addProperty("processingTime", new IntegerSchema());
        Schema<?> error = new ObjectSchema().addProperty("success", new BooleanSchema())
                .addProperty("error", new ObjectSchema().addProperty("code", new StringSchema())
                        .addProperty("message", new StringSchema()).addProperty("details", new Schema<>()))
                .addProperty("meta", meta);
        return new OpenAPI()
                .info(new Info().title("OwnPilot Gateway").version(props != null ? props.getVersion() : "dev")
                        .description("Every answer is an envelope: {success, data, meta} or {success: false, "
                                + "error: {code, message, details?}, meta}."))
                .components(new Components().addSchemas(ERROR, error).addSchemas("Meta", meta)
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API key (mode api-key) or an HS256 JWT (mode jwt)"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    /** Puts each success body into the envelope and adds the error envelope for the common failures. */
    @Bean
    OperationCustomizer envelopes() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(RawResponse.class)) {
                operation.addExtension("x-raw-response", true);
            } else {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2") && response.getContent() != null) {
                        response.getContent().forEach((type, media) -> {
                            if (type.contains("json") || type.equals("*/*")) {
                                media.setSchema(envelope(media.getSchema()));
                            }
                        });
                    }
                });
            }
            FAILURES.forEach((status, description) -> operation.getResponses().putIfAbsent(status,
                    new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR))))));
            return operation;
        };
    }

    private static Schema<?> envelope(Schema<?> data) {
        return new ObjectSchema().addProperty("success", new BooleanSchema())
                .addProperty("data", data == null ? new Schema<>() : data)
                .addProperty("meta", new Schema<>().$ref("#/components/schemas/Meta"));
    }
}
