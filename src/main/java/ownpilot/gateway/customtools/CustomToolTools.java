package ownpilot.gateway.customtools;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lets the model write tools: {@code create_tool} always records them as written by the model, so
 * they wait for the user's approval before they can run; {@code list_custom_tools} shows them.
 */
@Component
class CustomToolTools implements ToolProvider {

    /** Resolved on use: the service consults the registry that collects this provider. */
    private final ObjectProvider<CustomToolService> service;
    private final CustomToolRepository repository;

    CustomToolTools(ObjectProvider<CustomToolService> service, CustomToolRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                new ToolDefinition("create_tool", "Write a new JavaScript tool (the body of an async function that "
                        + "receives args and returns JSON). It waits for the user's approval before it can run.",
                        ToolSchema.object().string("name", "snake_case name", true, 64)
                                .string("description", "What the tool does", true, 2000)
                                .any("parameters", "JSON-schema of the arguments ({\"type\":\"object\",...})", true)
                                .string("code", "JavaScript function body; must return a value", true,
                                        JsSandbox.MAX_CODE_CHARS)
                                .string("category", "Category, default Custom", false, 50).build(),
                        "customTools", "meta", List.of("create", "tool", "code", "javascript"),
                        (caller, args) -> {
                            ObjectNode body = ((ObjectNode) args).deepCopy();
                            body.put("createdBy", "llm");
                            CustomTool tool = service.getObject().create(caller, body);
                            return Map.of("id", tool.id(), "name", tool.name(), "status", tool.status(),
                                    "message", "Saved. The user must approve it before it can run.");
                        }),
                new ToolDefinition("list_custom_tools", "List the custom tools with their status and usage",
                        ToolSchema.object().oneOf("status", "Only this status", false, CustomTool.STATUSES).build(),
                        "customTools", "meta", List.of("list", "custom", "tools"),
                        (caller, args) -> repository.list(caller.userId(),
                                        args.has("status") ? Map.of("status", args.get("status").asString()) : Map.of(),
                                        new Paging(100, 0)).stream()
                                .map(t -> Map.<String, Object>of("name", t.name(), "description", t.description(),
                                        "status", t.status(), "usageCount", t.usageCount()))
                                .toList()));
    }
}
