package ownpilot.gateway.personaldata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.QueryParams;
import ownpilot.gateway.shared.records.JsonSchemas;
import ownpilot.gateway.tools.ToolArguments;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolExecutor;
import ownpilot.gateway.tools.ToolProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The assistant's tools for personal data: for each resource add, list, get, update, delete and
 * batch add (plus complete_task), built from the same schemas and validation as the REST routes.
 */
@Component
class PersonalDataTools implements ToolProvider {

    static final int LIST_DEFAULT = 20;
    static final int LIST_MAX = 50;
    static final int BATCH_MAX = 50;

    private final List<PersonalRecords> resources;
    private final TaskRecords tasks;
    private final TransactionTemplate transaction;

    PersonalDataTools(List<PersonalRecords> resources, TaskRecords tasks, TransactionTemplate transaction) {
        this.resources = resources;
        this.tasks = tasks;
        this.transaction = transaction;
    }

    @Override
    public List<ToolDefinition> tools() {
        List<ToolDefinition> all = new ArrayList<>();
        resources.forEach(r -> all.addAll(toolsFor(r)));
        all.add(tool(tasks, "complete_task", "Mark a task as completed", idOnly(tasks),
                (caller, args) -> tasks.update(caller, ToolArguments.id(args, tasks.idParam()), statusCompleted(args))));
        return all;
    }

    private List<ToolDefinition> toolsFor(PersonalRecords r) {
        String noun = r.noun();
        String plural = noun + "s";
        String readable = noun.replace('_', ' ');
        ObjectNode update = JsonSchemas.addFields(idOnly(r), r.schema(), false);
        ObjectNode batch = JsonSchemas.object();
        ObjectNode items = ((ObjectNode) batch.get("properties")).putObject("items");
        items.put("type", "array").put("maxItems", BATCH_MAX)
                .set("items", JsonSchemas.addFields(JsonSchemas.object(), r.schema(), true));
        batch.withArray("required").add("items");
        return List.of(
                tool(r, "add_" + noun, "Create a " + readable,
                        JsonSchemas.addFields(JsonSchemas.object(), r.schema(), true),
                        (caller, args) -> r.create(caller, args)),
                tool(r, "list_" + plural, "List or search " + readable + "s with optional filters", listSchema(r),
                        (caller, args) -> r.list(caller.userId(), listParams(args))),
                tool(r, "get_" + noun, "Get one " + readable + " by id", idOnly(r),
                        (caller, args) -> r.get(caller.userId(), ToolArguments.id(args, r.idParam()))),
                tool(r, "update_" + noun, "Change fields of a " + readable, update,
                        (caller, args) -> r.update(caller, ToolArguments.id(args, r.idParam()),
                                ToolArguments.without(args, r.idParam()))),
                tool(r, "delete_" + noun, "Delete a " + readable, idOnly(r), (caller, args) -> {
                    String id = ToolArguments.id(args, r.idParam());
                    r.delete(caller.userId(), id);
                    return Map.of("id", id, "deleted", true);
                }),
                tool(r, "batch_add_" + plural, "Create up to " + BATCH_MAX + " " + readable + "s at once", batch,
                        (caller, args) -> batchAdd(r, caller, args)));
    }

    private static ToolDefinition tool(PersonalRecords r, String name, String description, ObjectNode parameters,
            ToolExecutor executor) {
        String category = r.toolCategory();
        return new ToolDefinition(name, description, parameters, category, "personalData",
                List.of(r.noun().replace('_', ' '), category, "personal data"), executor);
    }

    private static ObjectNode idOnly(PersonalRecords r) {
        ObjectNode schema = JsonSchemas.object();
        ((ObjectNode) schema.get("properties")).putObject(r.idParam()).put("type", "string");
        schema.withArray("required").add(r.idParam());
        return schema;
    }

    private static ObjectNode listSchema(PersonalRecords r) {
        ObjectNode schema = JsonSchemas.object();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        for (PersonalRecords.FilterParam f : r.filters()) {
            ObjectNode p = properties.putObject(f.name()).put("type", f.type()).put("description", f.description());
            if (!f.allowed().isEmpty()) {
                f.allowed().forEach(p.putArray("enum")::add);
            }
        }
        properties.putObject("limit").put("type", "integer").put("minimum", 1).put("maximum", LIST_MAX)
                .put("default", LIST_DEFAULT);
        return schema;
    }

    private static QueryParams listParams(JsonNode args) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (args != null && args.isObject()) {
            args.properties().forEach(e -> raw.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString()
                    : e.getValue().toString()));
        }
        QueryParams params = new QueryParams(raw);
        raw.put("limit", String.valueOf(params.integer("limit", LIST_DEFAULT, 1, LIST_MAX)));
        return params;
    }



    private static JsonNode statusCompleted(JsonNode args) {
        return ((ObjectNode) args).objectNode().put("status", "completed");
    }

    /** All or nothing: one invalid item creates none. */
    private Map<String, Object> batchAdd(PersonalRecords r, Actor user, JsonNode args) {
        JsonNode items = args == null ? null : args.get("items");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > BATCH_MAX) {
            throw ApiException.validation("items", "must be an array of 1 to " + BATCH_MAX + " objects");
        }
        items.forEach(r.schema()::forCreate);
        List<Map<String, Object>> created = transaction.execute(status -> {
            List<Map<String, Object>> done = new ArrayList<>();
            items.forEach(item -> done.add(r.create(user, item)));
            return done;
        });
        return Map.of("created", created, "count", created.size());
    }
}
