package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import tools.jackson.databind.JsonNode;

/** Lists, describes and runs registered tools (spec §4); streaming and batch live beside it. */
@RestController
@RequestMapping("/api/v1/tools")
class ToolsController {

    private final ToolRegistry registry;
    private final ToolExecution execution;
    private final CurrentUser user;
    private final AgentToolScope agents;

    ToolsController(ToolRegistry registry, ToolExecution execution, CurrentUser user, AgentToolScope agents) {
        this.agents = agents;
        this.registry = registry;
        this.execution = execution;
        this.user = user;
    }

    @GetMapping
    Object list(@RequestParam(required = false) String agentId, @RequestParam(defaultValue = "false") boolean grouped) {
        if (agentId != null) {
            List<String> allowed = agents.toolsOf(user.id(), agentId)
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "Agent not found: " + agentId));
            return registry.all(user.id()).stream().filter(t -> allowed.contains(t.name())).map(ToolView::of).toList();
        }
        return grouped ? grouped() : registry.all(user.id()).stream().map(ToolView::of).toList();
    }

    @GetMapping("/meta/categories")
    Map<String, Object> categories() {
        Map<String, Object> out = new TreeMap<>();
        byCategory().forEach((category, tools) -> out.put(category,
                Map.of("description", ToolCategories.describe(category), "count", tools.size())));
        return out;
    }

    @GetMapping("/meta/grouped")
    Map<String, Object> grouped() {
        Map<String, Object> categories = new TreeMap<>();
        byCategory().forEach((category, tools) -> categories.put(category, Map.of(
                "info", Map.of("description", ToolCategories.describe(category)), "tools", tools)));
        return Map.of("categories", categories, "totalTools", registry.all(user.id()).size(),
                "totalCategories", categories.size());
    }

    @GetMapping("/{name}")
    ToolView get(@PathVariable String name) {
        return ToolView.of(execution.require(user.id(), name));
    }

    /** For built-in tools: the implementing class and the parameter schema. */
    @GetMapping("/{name}/source")
    Map<String, Object> source(@PathVariable String name) {
        ToolDefinition tool = execution.require(user.id(), name);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", tool.name());
        out.put("source", tool.source());
        out.put("implementation", implementationOf(tool));
        out.put("parameters", tool.parameters());
        return out;
    }

    @PostMapping("/{name}/execute")
    ToolResult execute(@PathVariable String name, @RequestBody(required = false) JsonNode body) {
        return execution.execute(name, user.actor(),
                ToolRequests.arguments(body));
    }

    private Map<String, List<ToolView>> byCategory() {
        Map<String, List<ToolView>> groups = new TreeMap<>();
        registry.all(user.id()).forEach(t -> groups.computeIfAbsent(t.category(), c -> new java.util.ArrayList<>())
                .add(ToolView.of(t)));
        return groups;
    }

    private static String implementationOf(ToolDefinition tool) {
        ToolExecutor executor = tool.executor() instanceof CpuBound bound ? bound.inner() : tool.executor();
        String lambda = executor.getClass().getName();
        int marker = lambda.indexOf("$$Lambda");
        return marker > 0 ? lambda.substring(0, marker) : lambda;
    }
}
