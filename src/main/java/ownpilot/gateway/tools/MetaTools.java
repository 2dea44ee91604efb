package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The meta-tools through which the model finds and learns tools: {@code search_tools} and
 * {@code get_tool_help}. They never list themselves.
 */
@Component
class MetaTools implements ToolProvider {

    static final String CATEGORY = "System";
    private static final int MAX_RESULTS = 20;

    private final ObjectProvider<ToolRegistry> registry;

    MetaTools(ObjectProvider<ToolRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                new ToolDefinition("search_tools", "Find tools by keywords (e.g. \"add a task\", \"convert units\"); "
                        + "\"all\" lists every tool", ToolSchema.object()
                        .string("query", "What you want to do", true, 200)
                        .string("category", "Only this category", false, 50).build(),
                        CATEGORY, "meta", List.of("search", "find", "tools", "discover"), this::search),
                new ToolDefinition("get_tool_help", "Explain a tool's parameters with an example call",
                        ToolSchema.object().string("tool_name", "The tool's name", true, 64).build(),
                        CATEGORY, "meta", List.of("help", "parameters", "usage"), this::help));
    }

    private Object search(Actor caller, JsonNode args) {
        List<ToolDefinition> candidates = registry.getObject().all(caller.userId()).stream()
                .filter(t -> !CATEGORY.equals(t.category())).toList();
        List<Map<String, Object>> found = new ArrayList<>();
        for (ToolSearch.Hit hit : ToolSearch.search(candidates, args.path("query").asString(),
                args.path("category").asString(null))) {
            if (found.size() == MAX_RESULTS) {
                break;
            }
            found.add(Map.of("name", hit.tool().name(), "description", hit.tool().description(),
                    "category", hit.tool().category(), "score", hit.score()));
        }
        return Map.of("query", args.path("query").asString(), "count", found.size(), "tools", found);
    }

    private Object help(Actor caller, JsonNode args) {
        String name = args.path("tool_name").asString();
        ToolDefinition tool = registry.getObject().find(caller.userId(), name).orElseThrow(() -> {
            List<String> close = ToolSearch.search(registry.getObject().all(caller.userId()), name.replace('_', ' '),
                    null).stream()
                    .limit(5).map(h -> h.tool().name()).toList();
            return new ToolFailure("Tool '" + name + "' not found." + (close.isEmpty() ? ""
                    : " Did you mean: " + String.join(", ", close) + "?"));
        });
        return ToolHelp.describe(tool);
    }
}
