package ownpilot.gateway.customtools;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.tools.DynamicToolSource;
import ownpilot.gateway.tools.ToolCaller;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolOutput;
import ownpilot.gateway.tools.ToolFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Puts each user's active custom tools into the registry, with source {@code custom}. */
@Component
class CustomToolSource implements DynamicToolSource {

    /** Results are sent inside the response envelope, and the JSON writer refuses nesting past 500. */
    static final int MAX_RESULT_DEPTH = 200;

    private final CustomToolRepository repository;
    private final JsSandbox sandbox;
    private final JsonMapper json;

    CustomToolSource(CustomToolRepository repository, JsSandbox sandbox, JsonMapper json) {
        this.repository = repository;
        this.sandbox = sandbox;
        this.json = json;
    }

    @Override
    public List<ToolDefinition> tools(String userId) {
        return repository.list(userId, Map.of("status", "active"), new Paging(Paging.MAX_LIMIT, 0)).stream()
                .map(this::definition).toList();
    }

    @Override
    public Optional<ToolDefinition> find(String userId, String name) {
        return repository.findByName(userId, name).filter(t -> t.status().equals("active")).map(this::definition);
    }

    ToolDefinition definition(CustomTool tool) {
        return new ToolDefinition(tool.name(), tool.description(), tool.parameters(), tool.category(), "custom",
                List.of("custom"), (caller, args) -> run(tool, caller, args));
    }

    Object run(CustomTool tool, ToolCaller caller, JsonNode args) {
        repository.countUse(caller.userId(), tool.name());
        return output(sandbox.run(tool.code(), args.toString()), tool.version());
    }

    ToolOutput output(JsSandbox.Outcome outcome, int version) {
        Map<String, Object> metadata = outcome.console().isEmpty()
                ? Map.of("version", version) : Map.of("version", version, "console", outcome.console());
        JsonNode value;
        try {
            value = json.readTree(outcome.json());
        } catch (JacksonException e) {
            throw new ToolFailure("Tool result is nested deeper than " + MAX_RESULT_DEPTH + " levels", metadata);
        }
        if (depth(value) > MAX_RESULT_DEPTH) {
            throw new ToolFailure("Tool result is nested deeper than " + MAX_RESULT_DEPTH + " levels", metadata);
        }
        return new ToolOutput(value, metadata);
    }

    /** How deep arrays and objects nest, counted without recursion. */
    private static int depth(JsonNode root) {
        int deepest = 0;
        java.util.ArrayDeque<Map.Entry<JsonNode, Integer>> pending = new java.util.ArrayDeque<>();
        pending.push(Map.entry(root, 1));
        while (!pending.isEmpty()) {
            var next = pending.pop();
            if (next.getKey().isContainer()) {
                deepest = Math.max(deepest, next.getValue());
                if (deepest > MAX_RESULT_DEPTH) {
                    return deepest;
                }
                next.getKey().values().forEach(child -> pending.push(Map.entry(child, next.getValue() + 1)));
            }
        }
        return deepest;
    }
}
