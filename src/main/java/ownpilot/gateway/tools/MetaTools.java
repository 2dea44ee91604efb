package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The meta-tools through which the model finds, learns and runs tools: {@code search_tools},
 * {@code get_tool_help} and {@code use_tool}. They never list themselves. {@code use_tool} has no
 * executor of its own: {@link ToolExecution} runs the tool it names, through the {@link ToolGate}.
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
                        CATEGORY, "meta", List.of("help", "parameters", "usage"), this::help),
                new ToolDefinition(ToolExecution.USE_TOOL, "Run a tool by name with its arguments (find tools with "
                        + "search_tools, learn them with get_tool_help)",
                        ToolSchema.object().string("tool_name", "The tool to run", true, 64)
                                .any("arguments", "The tool's arguments as an object", true).build(),
                        CATEGORY, "meta", List.of("run", "execute", "call", "tool"), (caller, args) -> {
                            throw new IllegalStateException("use_tool is run by ToolExecution");
                        }));
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
