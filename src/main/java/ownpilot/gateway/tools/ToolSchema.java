package ownpilot.gateway.tools;

import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small builder for a tool's JSON-schema parameters, e.g.
 * {@code ToolSchema.object().string("text", "The text", true).integer("width", "Line width", false, 1, 500)}.
 */
public final class ToolSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectNode schema = NODES.objectNode().put("type", "object");

    private ToolSchema() {
        schema.putObject("properties");
        schema.putArray("required");
        schema.put("additionalProperties", false);
    }

    public static ToolSchema object() {
        return new ToolSchema();
    }

    public ToolSchema string(String name, String description, boolean required) {
        return string(name, description, required, 100_000);
    }

    public ToolSchema string(String name, String description, boolean required, int maxLength) {
        return add(name, NODES.objectNode().put("type", "string").put("description", description)
                .put("maxLength", maxLength), required);
    }

    public ToolSchema oneOf(String name, String description, boolean required, List<String> values) {
        ObjectNode p = NODES.objectNode().put("type", "string").put("description", description);
        values.forEach(p.putArray("enum")::add);
        return add(name, p, required);
    }

    public ToolSchema number(String name, String description, boolean required) {
        return add(name, NODES.objectNode().put("type", "number").put("description", description), required);
    }

    public ToolSchema integer(String name, String description, boolean required, long min, long max) {
        return add(name, NODES.objectNode().put("type", "integer").put("description", description)
                .put("minimum", min).put("maximum", max), required);
    }

    public ToolSchema bool(String name, String description, boolean required) {
        return add(name, NODES.objectNode().put("type", "boolean").put("description", description), required);
    }

    /** An array whose items have the given JSON type ({@code string}, {@code number}, …). */
    public ToolSchema array(String name, String description, boolean required, String itemType, int maxItems) {
        ObjectNode p = NODES.objectNode().put("type", "array").put("description", description)
                .put("maxItems", maxItems);
        p.putObject("items").put("type", itemType);
        return add(name, p, required);
    }

    public ToolSchema any(String name, String description, boolean required) {
        return add(name, NODES.objectNode().put("description", description), required);
    }

    private ToolSchema add(String name, ObjectNode property, boolean required) {
        ((ObjectNode) schema.get("properties")).set(name, property);
        if (required) {
            schema.withArray("required").add(name);
        }
        return this;
    }

    public ObjectNode build() {
        return schema.deepCopy();
    }
}
