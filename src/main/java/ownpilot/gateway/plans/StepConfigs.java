package ownpilot.gateway.plans;

import java.util.List;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each step type's {@code config} holds:
 * <ul>
 * <li>{@code tool_call}: {@code toolName}, {@code toolArgs} (object);
 * <li>{@code llm_decision}: {@code prompt}, {@code choices} (up to 20 strings; the answer must be one);
 * <li>{@code user_input}: {@code question}, {@code inputType} text | choice | confirm, {@code options} for choice;
 * <li>{@code condition}: {@code condition} (an expression, see {@code SafeExpressions}), {@code trueStep}, {@code falseStep};
 * <li>{@code parallel}: {@code steps} (1–20 of {@code {toolName, toolArgs}}), {@code maxConcurrency} (1–5, 5);
 * <li>{@code loop}: {@code toolName}, {@code toolArgs}, {@code maxIterations} (1–100, 10), {@code condition}
 *     (checked before each iteration, with {@code iteration} and {@code last});
 * <li>{@code sub_plan}: {@code subPlanId}.
 * </ul>
 * The original's names {@code tool} and {@code args} are read as {@code toolName} and {@code toolArgs}.
 */
final class StepConfigs {

    static final int MAX_PARALLEL = 5;
    static final int MAX_ITERATIONS = 100;

    private StepConfigs() {}

    static void check(String type, ObjectNode c) {
        switch (type) {
            case "tool_call", "loop" -> {
                tool(c, "config");
                if (type.equals("loop")) {
                    int max = c.path("maxIterations").asInt(10);
                    if (c.has("maxIterations") && (!c.get("maxIterations").isIntegralNumber() || max < 1
                            || max > MAX_ITERATIONS)) {
                        throw invalid("maxIterations must be a whole number from 1 to " + MAX_ITERATIONS);
                    }
                    optionalText(c, "condition");
                }
            }
            case "llm_decision" -> {
                required(c, "prompt", 10_000);
                strings(c, "choices", 20);
            }
            case "user_input" -> {
                required(c, "question", 2000);
                String input = c.path("inputType").asString("text");
                if (!List.of("text", "choice", "confirm").contains(input)) {
                    throw invalid("inputType must be text, choice or confirm");
                }
                strings(c, "options", 50);
                if (input.equals("choice") && c.path("options").isEmpty()) {
                    throw invalid("a choice needs options");
                }
            }
            case "condition" -> {
                if (!c.has("condition") && c.has("expression")) {
                    c.set("condition", c.get("expression"));
                }
                required(c, "condition", 500);
                optionalText(c, "trueStep");
                optionalText(c, "falseStep");
            }
            case "parallel" -> {
                JsonNode steps = c.get("steps");
                if (steps == null || !steps.isArray() || steps.isEmpty() || steps.size() > 20) {
                    throw invalid("parallel needs steps: 1 to 20 tool calls {toolName, toolArgs}");
                }
                for (JsonNode s : steps) {
                    if (!s.isObject()) {
                        throw invalid("each parallel step must be an object {toolName, toolArgs}");
                    }
                    tool((ObjectNode) s, "config.steps[]");
                }
                int max = c.path("maxConcurrency").asInt(MAX_PARALLEL);
                if (max < 1 || max > MAX_PARALLEL) {
                    throw invalid("maxConcurrency must be from 1 to " + MAX_PARALLEL);
                }
            }
            case "sub_plan" -> required(c, "subPlanId", 100);
            default -> throw invalid("unknown step type " + type);
        }
    }

    /** The tool's name and arguments, under either the spec's names or the original's. */
    static String toolName(JsonNode c) {
        return c.has("toolName") ? c.path("toolName").asString() : c.path("tool").asString(null);
    }

    static JsonNode toolArgs(JsonNode c) {
        JsonNode args = c.has("toolArgs") ? c.get("toolArgs") : c.get("args");
        return args == null || args.isNull() ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : args;
    }

    private static void tool(ObjectNode c, String where) {
        String name = toolName(c);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw invalid(where + ".toolName is required: the tool to run");
        }
        if (!toolArgs(c).isObject()) {
            throw invalid(where + ".toolArgs must be an object");
        }
    }

    private static void required(ObjectNode c, String field, int max) {
        JsonNode v = c.get(field);
        if (v == null || !v.isString() || v.asString().isBlank() || v.asString().length() > max) {
            throw invalid(field + " is required: a text of at most " + max + " characters");
        }
    }

    private static void optionalText(ObjectNode c, String field) {
        JsonNode v = c.get(field);
        if (v != null && !v.isNull() && (!v.isString() || v.asString().length() > 500)) {
            throw invalid(field + " must be a text");
        }
    }

    private static void strings(ObjectNode c, String field, int max) {
        JsonNode v = c.get(field);
        if (v != null && !v.isNull() && (!v.isArray() || v.size() > max
                || v.valueStream().anyMatch(e -> !e.isString() || e.asString().length() > 500))) {
            throw invalid(field + " must be an array of up to " + max + " texts");
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.validation("config", message);
    }
}
