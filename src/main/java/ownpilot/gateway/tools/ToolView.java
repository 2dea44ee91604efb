package ownpilot.gateway.tools;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** How a tool is shown to API clients: everything but its executor. */
record ToolView(String name, String description, JsonNode parameters, String category, String source,
        List<String> tags) {

    static ToolView of(ToolDefinition tool) {
        return new ToolView(tool.name(), tool.description(), tool.parameters(), tool.category(), tool.source(),
                tool.tags());
    }
}
