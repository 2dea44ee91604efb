package ownpilot.gateway.autonomy;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;

/**
 * The {@code use_tool} meta-tool: the model's one way to run a tool. The inner tool, not
 * {@code use_tool}, is what the {@link AutonomyGate} assesses and the audit records.
 */
@Component
class UseTool implements ToolProvider {

    /** Resolved on use: the gate runs tools through the registry that collects this provider. */
    private final ObjectProvider<AutonomyGate> gate;

    UseTool(ObjectProvider<AutonomyGate> gate) {
        this.gate = gate;
    }

    @Override
    public List<ToolDefinition> tools() {
        return List.of(new ToolDefinition("use_tool",
                "Run a tool by name with its arguments (find tools with search_tools, learn them with get_tool_help)",
                ToolSchema.object().string("tool_name", "The tool to run", true, 64)
                        .any("arguments", "The tool's arguments as an object", true).build(),
                "System", "meta", List.of("run", "execute", "call", "tool"),
                (caller, args) -> gate.getObject().run(caller, innerTool(args), arguments(args))));
    }

    private static String innerTool(tools.jackson.databind.JsonNode args) {
        String name = args.path("tool_name").asString();
        if (name.equals("use_tool")) {
            throw new ownpilot.gateway.tools.ToolFailure("use_tool cannot run itself; name the tool to run");
        }
        return name;
    }

    private static tools.jackson.databind.JsonNode arguments(tools.jackson.databind.JsonNode args) {
        var arguments = args.get("arguments");
        if (arguments == null || !arguments.isObject()) {
            throw new ownpilot.gateway.tools.ToolFailure("arguments must be a JSON object");
        }
        return arguments;
    }
}
