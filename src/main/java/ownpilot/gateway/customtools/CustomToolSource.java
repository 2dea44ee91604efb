package ownpilot.gateway.customtools;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.DynamicToolSource;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolOutput;
import ownpilot.gateway.tools.ToolFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Puts each user's active custom tools into the registry, with source {@code custom}. */
@Component
class CustomToolSource implements DynamicToolSource {

    /** Results are sent inside the response envelope, and the JSON writer refuses nesting past 500. */
    static final int MAX_RESULT_DEPTH = 200;
    private static final JsonMapper RESULTS = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_RESULT_DEPTH).build())
            .build()).build();

    private final CustomToolRepository repository;
    private final JsSandbox sandbox;
    CustomToolSource(CustomToolRepository repository, JsSandbox sandbox) {
        this.repository = repository;
        this.sandbox = sandbox;
    }

    @Override
    public List<ToolDefinition> tools(String userId) {
        return repository.active(userId).stream().map(this::definition).toList();
    }

    @Override
    public Optional<ToolDefinition> find(String userId, String name) {
        return repository.findByName(userId, name).filter(t -> t.status().equals("active")).map(this::definition);
    }

    ToolDefinition definition(CustomTool tool) {
        return new ToolDefinition(tool.name(), tool.description(), tool.parameters(), tool.category(), "custom",
                List.of("custom"), (caller, args) -> run(tool, caller, args));
    }

    Object run(CustomTool tool, Actor caller, JsonNode args) {
        repository.countUse(caller.userId(), tool.name());
        return output(sandbox.run(tool.code(), args.toString()), tool.version());
    }

    ToolOutput output(JsSandbox.Outcome outcome, int version) {
        Map<String, Object> metadata = outcome.console().isEmpty()
                ? Map.of("version", version) : Map.of("version", version, "console", outcome.console());
        try {
            return new ToolOutput(RESULTS.readTree(outcome.json()), metadata);
        } catch (JacksonException tooDeep) {
            // the sandbox serialized the value itself, so the only way reading it back fails is its nesting
            throw new ToolFailure("Tool result is nested deeper than " + MAX_RESULT_DEPTH + " levels", metadata);
        }
    }
}
