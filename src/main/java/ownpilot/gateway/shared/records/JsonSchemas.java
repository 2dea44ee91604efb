package ownpilot.gateway.shared.records;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Describes a {@link RecordSchema}'s writable fields as a JSON-schema object, for tool parameters.
 * Objects are closed ({@code additionalProperties: false}), as request bodies are.
 */
public final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemas() {}

    public static ObjectNode object() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.putObject("properties");
        schema.putArray("required");
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Adds the writable fields; {@code withRequired} marks the schema's required fields as required. */
    public static ObjectNode addFields(ObjectNode target, RecordSchema schema, boolean withRequired) {
        ObjectNode properties = (ObjectNode) target.get("properties");
        ArrayNode required = (ArrayNode) target.get("required");
        for (FieldSpec field : schema.fields()) {
            if (field.readOnly()) {
                continue;
            }
            properties.set(field.name(), property(field));
            if (withRequired && field.required()) {
                required.add(field.name());
            }
        }
        return target;
    }

    private static ObjectNode property(FieldSpec field) {
        ObjectNode p = NODES.objectNode();
        switch (field.type()) {
            case TEXT -> {
                p.put("type", "string").put("maxLength", field.maxLength());
                if (!field.allowed().isEmpty()) {
                    field.allowed().forEach(p.putArray("enum")::add);
                }
                if (field.format() == FieldFormat.EMAIL) {
                    p.put("format", "email");
                } else if (field.format() == FieldFormat.HTTP_URL) {
                    p.put("format", "uri");
                }
            }
            case BOOLEAN -> p.put("type", "boolean");
            case INTEGER -> p.put("type", "integer").put("minimum", field.min()).put("maximum", field.max());
            case TIMESTAMP -> p.put("type", "string").put("format", "date-time");
            case DATE -> p.put("type", "string").put("format", "date");
            case TIME -> p.put("type", "string").put("pattern", "^\\d{2}:\\d{2}(:\\d{2})?$");
            case STRING_LIST -> p.put("type", "array").put("maxItems", FieldSpec.MAX_LIST_ITEMS)
                    .putObject("items").put("type", "string");
            case STRING_MAP -> p.put("type", "object").putObject("additionalProperties").put("type", "string");
        }
        return p;
    }
}
