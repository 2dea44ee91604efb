package ownpilot.gateway.customtools;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.customtools.CustomToolChanged.Change;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.DomainEvents;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.tools.ToolRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Validates and stores custom tools and moves them between statuses. Tools written by the model
 * start as {@code pending_approval} and only the user's approval makes them {@code active};
 * {@code enable} never skips that step, and changing an LLM tool's code sends it back for review.
 */
@Service
class CustomToolService {

    static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");
    private static final Set<String> CREATE_FIELDS = Set.of("name", "description", "parameters", "code", "category",
            "permissions", "requiresApproval", "createdBy", "requiredApiKeys");
    private static final Set<String> PATCH_FIELDS = Set.of("description", "parameters", "code", "category",
            "permissions", "requiresApproval");
    private static final int MAX_SCHEMA_CHARS = 16_384;

    private final CustomToolRepository repository;
    private final ToolRegistry registry;
    private final DomainEvents events;

    CustomToolService(CustomToolRepository repository, ToolRegistry registry, DomainEvents events) {
        this.repository = repository;
        this.registry = registry;
        this.events = events;
    }

    @Transactional
    CustomTool create(Actor actor, JsonNode body) {
        String userId = actor.userId();
        CustomTool tool = parse(body, null);
        if (registry.isBuiltin(tool.name())) {
            throw ApiException.conflict("A built-in tool is already called " + tool.name());
        }
        if (repository.findByName(userId, tool.name()).isPresent()) {
            throw ApiException.conflict("You already have a custom tool called " + tool.name());
        }
        return changed(actor, Change.created, repository.insert(Ids.prefixed("ctool"), userId, tool));
    }

    @Transactional
    CustomTool update(Actor actor, String id, JsonNode patch) {
        String userId = actor.userId();
        CustomTool current = get(userId, id);
        CustomTool changed = parse(patch, current);
        boolean codeChanged = !changed.code().equals(current.code());
        String status = codeChanged && current.createdBy().equals("llm") ? "pending_approval" : current.status();
        CustomTool next = new CustomTool(id, current.name(), changed.description(), changed.parameters(),
                changed.code(), changed.category(), status, changed.permissions(), changed.requiresApproval(),
                current.createdBy(), current.version(), current.usageCount(), current.lastUsedAt(), current.createdAt(),
                current.updatedAt());
        return changed(actor, Change.updated,
                repository.update(userId, id, next).orElseThrow(() -> ApiException.notFound("Custom tool")));
    }

    @Transactional
    void delete(Actor actor, String id) {
        CustomTool tool = get(actor.userId(), id);
        repository.delete(actor.userId(), id);
        changed(actor, Change.deleted, tool);
    }

    CustomTool get(String userId, String id) {
        return repository.find(userId, id).orElseThrow(() -> ApiException.notFound("Custom tool"));
    }

    /** Moves to {@code target} when the current status allows it; otherwise 409 naming the status. */
    @Transactional
    CustomTool transition(Actor actor, String id, String target) {
        String userId = actor.userId();
        CustomTool tool = get(userId, id);
        Set<String> from = switch (target) {
            case "active" -> Set.of("active", "disabled");
            case "disabled" -> Set.of("active", "disabled");
            case "approve", "reject" -> Set.of("pending_approval");
            default -> throw new IllegalArgumentException(target);
        };
        if (!from.contains(tool.status())) {
            String hint = tool.status().equals("pending_approval") ? "; approve it first" : "";
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT",
                    "Tool " + tool.name() + " is " + tool.status() + hint);
        }
        String status = switch (target) {
            case "approve" -> "active";
            case "reject" -> "rejected";
            default -> target;
        };
        Change change = switch (target) {
            case "approve" -> Change.approved;
            case "reject" -> Change.rejected;
            case "active" -> Change.enabled;
            default -> Change.disabled;
        };
        return changed(actor, change,
                repository.setStatus(userId, id, status).orElseThrow(() -> ApiException.notFound("Custom tool")));
    }

    private CustomTool changed(Actor actor, Change change, CustomTool tool) {
        events.publish(new CustomToolChanged(actor, change, tool.id(), tool.name(), tool.status(), tool.version()));
        return tool;
    }

    /** Parses a create body ({@code base == null}) or a patch over {@code base}. */
    CustomTool parse(JsonNode body, CustomTool base) {
        JsonFields in = JsonFields.of(body);
        boolean creating = base == null;
        for (String field : body.propertyNames()) {
            if (!(creating ? CREATE_FIELDS : PATCH_FIELDS).contains(field)) {
                in.problem(field, !creating && CREATE_FIELDS.contains(field) ? "cannot be changed" : "is not a known field");
            }
        }
        String name = creating ? in.text("name", null, 64, true) : base.name();
        if (creating && name != null && !NAME.matcher(name).matches()) {
            in.problem("name", "must match ^[a-z][a-z0-9_]*$ (at most 64 characters)");
        }
        String description = in.text("description", creating ? null : base.description(), 2000, true);
        String code = in.text("code", creating ? null : base.code(), JsSandbox.MAX_CODE_CHARS, true);
        String category = in.text("category", creating ? "Custom" : base.category(), 50, false);
        JsonNode parameters = in.has("parameters") ? in.node("parameters") : creating ? null : base.parameters();
        String schemaProblem = checkSchema(parameters);
        if (schemaProblem != null) {
            in.problem("parameters", schemaProblem);
        }
        List<String> permissions = in.has("permissions") ? permissions(in) : creating ? List.of() : base.permissions();
        String createdBy = creating ? in.text("createdBy", "user", 10, false) : base.createdBy();
        if (!List.of("user", "llm").contains(createdBy)) {
            in.problem("createdBy", "must be user or llm");
        }
        boolean requiresApproval = in.bool("requiresApproval",
                creating ? "llm".equals(createdBy) : base.requiresApproval());
        in.check();
        CodeScanner.check(code);
        String status = creating ? ("llm".equals(createdBy) ? "pending_approval" : "active") : base.status();
        return new CustomTool(null, name, description, parameters, code, category, status, permissions,
                requiresApproval, createdBy, 1, 0, null, null, null);
    }

    private static List<String> permissions(JsonFields in) {
        JsonNode value = in.node("permissions");
        List<String> out = new ArrayList<>();
        if (!value.isArray()) {
            in.problem("permissions", "must be an array");
            return out;
        }
        for (JsonNode p : value) {
            if (!p.isString() || !CustomTool.PERMISSIONS.contains(p.stringValue())) {
                in.problem("permissions", "must contain only " + CustomTool.PERMISSIONS);
                return out;
            }
            out.add(p.stringValue());
        }
        return out;
    }

    /** A JSON-schema object: {@code type: object}, optional {@code properties} object and {@code required} names. */
    static String checkSchema(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            return "is required";
        }
        if (!schema.isObject() || !"object".equals(schema.path("type").asString(""))) {
            return "must be a JSON-schema object with \"type\": \"object\"";
        }
        if (schema.toString().length() > MAX_SCHEMA_CHARS) {
            return "must be at most " + MAX_SCHEMA_CHARS + " characters";
        }
        if (schema.has("properties") && !schema.get("properties").isObject()) {
            return "properties must be an object";
        }
        if (schema.has("required")) {
            if (!schema.get("required").isArray()) {
                return "required must be an array of property names";
            }
            for (JsonNode r : schema.get("required")) {
                if (!r.isString() || !schema.path("properties").has(r.stringValue())) {
                    return "required names a property that is not defined: " + r;
                }
            }
        }
        return null;
    }
}
