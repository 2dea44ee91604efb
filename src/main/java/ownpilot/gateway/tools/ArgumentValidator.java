package ownpilot.gateway.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.ApiException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * Checks tool arguments against the tool's JSON-schema before anything runs: {@code type},
 * {@code required}, {@code properties}, {@code additionalProperties: false}, {@code enum},
 * {@code minimum}/{@code maximum}, {@code maxLength}, {@code maxItems} and {@code items}, nested to
 * any depth. That subset is what tool schemas here use.
 */
final class ArgumentValidator {

    private static final int MAX_DEPTH = 32;

    private ArgumentValidator() {}

    static void validate(JsonNode schema, JsonNode arguments) {
        List<FieldProblem> problems = new ArrayList<>();
        check(schema, arguments, "arguments", problems, 0);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<FieldProblem> problems, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(new FieldProblem(path, "is nested too deeply"));
            return;
        }
        String type = schema.path("type").asString("");
        if (!type.isEmpty() && !hasType(value, type)) {
            problems.add(new FieldProblem(path, "must be of type " + type));
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            problems.add(new FieldProblem(path, "must be one of " + allowed));
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
                problems.add(new FieldProblem(path, "must be at least " + schema.get("minimum")));
            }
            if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
                problems.add(new FieldProblem(path, "must be at most " + schema.get("maximum")));
            }
        }
        if (value.isString() && schema.has("maxLength") && value.stringValue().length() > schema.get("maxLength").asInt()) {
            problems.add(new FieldProblem(path, "must be at most " + schema.get("maxLength") + " characters"));
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(new FieldProblem(path, "must have at most " + schema.get("maxItems") + " items"));
            }
            JsonNode items = schema.get("items");
            for (int i = 0; items != null && items.isObject() && i < value.size(); i++) {
                check(items, value.get(i), path + "[" + i + "]", problems, depth + 1);
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, path, problems, depth);
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<FieldProblem> problems,
            int depth) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            JsonNode present = value.get(required.asString());
            if (present == null || present.isNull()) {
                problems.add(new FieldProblem(child(path, required.asString()), "is required"));
            }
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            JsonNode definition = properties.get(e.getKey());
            if (definition == null) {
                if (schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").booleanValue()) {
                    problems.add(new FieldProblem(child(path, e.getKey()), "is not a known parameter"));
                }
            } else if (!e.getValue().isNull()) {
                check(definition, e.getValue(), child(path, e.getKey()), problems, depth + 1);
            }
        }
    }

    private static String child(String path, String name) {
        return path.equals("arguments") ? name : path + "." + name;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue());
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode a : allowed) {
            if (a.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
