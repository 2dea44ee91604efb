package ownpilot.gateway.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Turns the registry's JSON-schema tool parameters into langchain4j tool specifications. */
final class ToolSchemas {

    private static final int MAX_DEPTH = 8;

    private ToolSchemas() {}

    static ToolSpecification specification(ModelTool tool) {
        return ToolSpecification.builder().name(tool.name()).description(tool.description())
                .parameters(object(tool.parameters(), 0)).build();
    }

    private static JsonObjectSchema object(JsonNode schema, int depth) {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder();
        description(schema).ifPresent(b::description);
        if (depth < MAX_DEPTH) {
            schema.path("properties").properties().forEach(e -> b.addProperty(e.getKey(), element(e.getValue(),
                    depth + 1)));
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        if (!required.isEmpty()) {
            b.required(required);
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean()) {
            b.additionalProperties(additional.asBoolean());
        }
        return b.build();
    }

    private static JsonSchemaElement element(JsonNode schema, int depth) {
        String description = description(schema).orElse(null);
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asString()));
            return JsonEnumSchema.builder().description(description).enumValues(values).build();
        }
        return switch (schema.path("type").asString("")) {
            case "string" -> JsonStringSchema.builder().description(description).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "array" -> JsonArraySchema.builder().description(description)
                    .items(schema.has("items") && depth < MAX_DEPTH ? element(schema.get("items"), depth + 1)
                            : JsonStringSchema.builder().build())
                    .build();
            default -> object(schema, depth);
        };
    }

    private static java.util.Optional<String> description(JsonNode schema) {
        JsonNode d = schema.get("description");
        return d == null || !d.isString() ? java.util.Optional.empty() : java.util.Optional.of(d.asString());
    }
}
