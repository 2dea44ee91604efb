package ownpilot.gateway.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Markdown help for a tool: description, required and optional parameters, an example call. */
final class ToolHelp {

    private ToolHelp() {}

    static String describe(ToolDefinition tool) {
        JsonNode schema = tool.parameters();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        StringBuilder md = new StringBuilder("## ").append(tool.name()).append("\n\n").append(tool.description())
                .append("\n");
        List<String> requiredLines = new ArrayList<>();
        List<String> optionalLines = new ArrayList<>();
        ObjectNode example = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            boolean isRequired = required.contains(p.getKey());
            String line = "- `" + p.getKey() + "`: " + p.getValue().path("type").asString("any")
                    + (isRequired ? " (required)" : " (optional)")
                    + (p.getValue().has("description") ? " — " + p.getValue().path("description").asString() : "")
                    + (p.getValue().has("enum") ? " — one of " + p.getValue().get("enum") : "");
            (isRequired ? requiredLines : optionalLines).add(line);
            if (isRequired) {
                example.put(p.getKey(), "<" + p.getKey() + ">");
            }
        }
        if (!requiredLines.isEmpty()) {
            md.append("\n### Required parameters\n").append(String.join("\n", requiredLines)).append("\n");
        }
        if (!optionalLines.isEmpty()) {
            md.append("\n### Optional parameters\n").append(String.join("\n", optionalLines)).append("\n");
        }
        md.append("\n### Example call\n`use_tool(\"").append(tool.name()).append("\", ").append(example).append(")`\n");
        return md.toString();
    }
}
