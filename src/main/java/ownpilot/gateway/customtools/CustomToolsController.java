package ownpilot.gateway.customtools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Deleted;
import ownpilot.gateway.shared.QueryParams;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.tools.ToolExecution;
import ownpilot.gateway.tools.ToolResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** CRUD, approval workflow, execution and dry runs of custom tools (spec §5). */
@RestController
@RequestMapping("/api/v1/custom-tools")
class CustomToolsController {

    private final CustomToolService service;
    private final CustomToolRepository repository;
    private final CustomToolSource source;
    private final JsSandbox sandbox;
    private final ToolExecution execution;
    private final CurrentUser user;

    CustomToolsController(CustomToolService service, CustomToolRepository repository, CustomToolSource source,
            JsSandbox sandbox, ToolExecution execution, CurrentUser user) {
        this.service = service;
        this.repository = repository;
        this.source = source;
        this.sandbox = sandbox;
        this.execution = execution;
        this.user = user;
    }

    record Listing(List<CustomTool> tools, int count) {}

    record Definition(String name, String description, JsonNode parameters, String category) {}

    record Definitions(List<Definition> tools, int count) {}

    /** A dry run's outcome; nothing is stored. */
    record DryRun(String tool, Object result, boolean isError, Map<String, Object> metadata, long duration,
            boolean testMode) {}

    @GetMapping
    Listing list(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "status", q.oneOf("status", CustomTool.STATUSES));
        put(filters, "category", q.text("category"));
        put(filters, "created_by", q.oneOf("createdBy", List.of("user", "llm")));
        List<CustomTool> tools = repository.list(user.id(), filters, q.paging(100));
        return new Listing(tools, tools.size());
    }

    @GetMapping("/stats")
    CustomToolRepository.Stats stats() {
        return repository.stats(user.id());
    }

    @GetMapping("/pending")
    Listing pending() {
        return list(Map.of("status", "pending_approval"));
    }

    @GetMapping("/active/definitions")
    Definitions activeDefinitions() {
        List<Definition> tools = source.tools(user.id()).stream()
                .map(t -> new Definition(t.name(), t.description(), t.parameters(), t.category())).toList();
        return new Definitions(tools, tools.size());
    }

    @GetMapping("/{id}")
    CustomTool get(@PathVariable String id) {
        return service.get(user.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CustomTool create(@RequestBody JsonNode body) {
        return service.create(user.actor(), body);
    }

    @PatchMapping("/{id}")
    CustomTool update(@PathVariable String id, @RequestBody JsonNode patch) {
        return service.update(user.actor(), id, patch);
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        service.delete(user.actor(), id);
        return Deleted.of(id);
    }

    @PostMapping("/{id}/enable")
    CustomTool enable(@PathVariable String id) {
        return service.transition(user.actor(), id, "active");
    }

    @PostMapping("/{id}/disable")
    CustomTool disable(@PathVariable String id) {
        return service.transition(user.actor(), id, "disabled");
    }

    @PostMapping("/{id}/approve")
    CustomTool approve(@PathVariable String id) {
        return service.transition(user.actor(), id, "approve");
    }

    @PostMapping("/{id}/reject")
    CustomTool reject(@PathVariable String id) {
        return service.transition(user.actor(), id, "reject");
    }

    @PostMapping("/{id}/execute")
    ToolResult execute(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        CustomTool tool = service.get(user.id(), id);
        if (!tool.status().equals("active")) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Tool " + tool.name() + " is " + tool.status()
                    + "; only active tools run");
        }
        return execution.execute(tool.name(), caller(), arguments(body, "arguments"));
    }

    /** Dry run: validates and runs the code without saving anything. */
    @PostMapping("/test")
    DryRun test(@RequestBody JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        var draft = body.deepCopy();
        JsonNode arguments = arguments(body, "testArguments");
        ((tools.jackson.databind.node.ObjectNode) draft).remove("testArguments");
        if (!draft.has("name")) {
            ((tools.jackson.databind.node.ObjectNode) draft).put("name", "dry_run");
        }
        if (!draft.has("description")) {
            ((tools.jackson.databind.node.ObjectNode) draft).put("description", "Dry run");
        }
        CustomTool tool = service.parse(draft, null);
        execution.validate(source.definition(tool), arguments);
        long started = System.nanoTime();
        try {
            var output = source.output(sandbox.run(tool.code(), arguments.toString()), 0);
            return new DryRun(tool.name(), output.value(), false, output.metadata(), elapsedMs(started), true);
        } catch (ownpilot.gateway.tools.ToolFailure e) {
            return new DryRun(tool.name(), e.getMessage(), true, e.metadata(), elapsedMs(started), true);
        }
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static JsonNode arguments(JsonNode body, String field) {
        JsonNode args = body == null ? null : body.get(field);
        if (args == null || args.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!args.isObject()) {
            throw ApiException.validation(field, "must be a JSON object");
        }
        return args;
    }

    private Actor caller() {
        return user.actor();
    }

    private static void put(Map<String, String> filters, String column, String value) {
        if (value != null) {
            filters.put(column, value);
        }
    }
}
