package ownpilot.gateway.tools;

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

    record CategoryCount(String description, int count) {}

    record GroupInfo(String description) {}

    record ToolGroup(GroupInfo info, List<ToolView> tools) {}

    /** The Tools page's view: categories by id, each with its description and tools. */
    record Grouped(Map<String, ToolGroup> categories, int totalTools, int totalCategories) {}

    /**
     * Where a tool is implemented: {@code source} is text for the UI's code view (the gateway ships no
     * source files, so it names the implementing class and the parameter schema), {@code origin} the
     * registry's label (core, personalData, custom…).
     */
    record Source(String name, String source, String origin, String implementation, JsonNode parameters) {}

    private final ToolRegistry registry;
    private final ToolExecution execution;
    private final CurrentUser user;
    private final AgentToolScope agents;
    private final ToolListJson listJson;

    ToolsController(ToolRegistry registry, ToolExecution execution, CurrentUser user, AgentToolScope agents,
            ToolListJson listJson) {
        this.agents = agents;
        this.listJson = listJson;
        this.registry = registry;
        this.execution = execution;
        this.user = user;
    }

    /** A bare list of tools; with {@code grouped=true} the Tools page's {@link Grouped} view instead. */
    @GetMapping
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(oneOf = {ToolView[].class, Grouped.class})))
    Object list(@RequestParam(required = false) String agentId, @RequestParam(defaultValue = "false") boolean grouped) {
        if (agentId != null) {
            List<String> allowed = agents.toolsOf(user.id(), agentId)
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "Agent not found: " + agentId));
            return registry.all(user.id()).stream().filter(t -> allowed.contains(t.name())).map(ToolView::of).toList();
        }
        return grouped ? grouped() : listJson.all(user.id());
    }

    @GetMapping("/meta/categories")
    Map<String, CategoryCount> categories() {
        Map<String, CategoryCount> out = new TreeMap<>();
        byCategory().forEach((category, tools) -> out.put(category,
                new CategoryCount(ToolCategories.describe(category), tools.size())));
        return out;
    }

    @GetMapping("/meta/grouped")
    Grouped grouped() {
        Map<String, ToolGroup> categories = new TreeMap<>();
        byCategory().forEach((category, tools) -> categories.put(category,
                new ToolGroup(new GroupInfo(ToolCategories.describe(category)), tools)));
        return new Grouped(categories, registry.all(user.id()).size(), categories.size());
    }

    @GetMapping("/{name}")
    ToolView get(@PathVariable String name) {
        return ToolView.of(execution.require(user.id(), name));
    }

    @GetMapping("/{name}/source")
    Source source(@PathVariable String name) {
        ToolDefinition tool = execution.require(user.id(), name);
        String implementation = implementationOf(tool);
        String text = "// " + tool.name() + " (" + tool.source() + " tool), run by " + implementation + "\n"
                + "// " + tool.description().replace("\n", "\n// ") + "\n"
                + "// parameters (JSON schema):\n" + tool.parameters().toPrettyString() + "\n";
        return new Source(tool.name(), text, tool.source(), implementation, tool.parameters());
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
