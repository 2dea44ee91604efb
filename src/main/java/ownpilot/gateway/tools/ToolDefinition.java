package ownpilot.gateway.tools;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A tool the assistant can call: its name, what it does, a JSON-schema for its arguments, where it
 * comes from and the code that runs it.
 */
public record ToolDefinition(String name, String description, JsonNode parameters, String category, String source,
        List<String> tags, ToolExecutor executor) {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,63}$");

    public ToolDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid tool name: " + name);
        }
        if (parameters == null || !parameters.isObject()) {
            throw new IllegalArgumentException("Tool " + name + " needs a JSON-schema object for its parameters");
        }
        tags = List.copyOf(tags);
    }
}
