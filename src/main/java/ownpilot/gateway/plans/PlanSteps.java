package ownpilot.gateway.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import ownpilot.gateway.chat.ChatReply;
import ownpilot.gateway.chat.ChatSink;
import ownpilot.gateway.chat.ChatTurns;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.SafeExpressions;
import ownpilot.gateway.tools.GateVerdict;
import ownpilot.gateway.tools.ToolExecution;
import ownpilot.gateway.tools.ToolResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one attempt at a step of each type, as the plan's actor ({@code plan:<id>}). Tools go through
 * the autonomy gate at the plan's level (never above the user's): a call that needs approval makes a
 * {@code tool_call} step wait for it. Conditions see the earlier results as {@code step<orderNum>}
 * (e.g. {@code step0.count > 3}) and the one just before as {@code last}.
 */
@Component
class PlanSteps {

    static final int MAX_CONTEXT = 4000;

    /** What a step runs with; {@code previous} are the plan's steps as they were before this attempt. */
    record Context(Plan plan, PlanStep step, List<PlanStep> previous, Actor actor, Cancellation cancellation) {}

    private final ToolExecution tools;
    private final ChatTurns chat;
    private final SafeExpressions expressions;
    private final SubPlans subPlans;
    private final JsonMapper json;
    private final ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor();

    PlanSteps(ToolExecution tools, ChatTurns chat, SafeExpressions expressions, SubPlans subPlans, JsonMapper json) {
        this.tools = tools;
        this.chat = chat;
        this.expressions = expressions;
        this.subPlans = subPlans;
        this.json = json;
    }

    StepOutcome run(Context ctx) throws InterruptedException {
        JsonNode c = ctx.step().config();
        try {
            return switch (ctx.step().type()) {
                case "tool_call" -> toolCall(ctx, c);
                case "llm_decision" -> decision(ctx, c);
                case "user_input" -> new StepOutcome.Waiting("user_input", question(ctx.step()), null);
                case "condition" -> condition(ctx, c);
                case "parallel" -> parallel(ctx, c);
                case "loop" -> loop(ctx, c);
                case "sub_plan" -> subPlans.run(ctx, c.path("subPlanId").asString());
                default -> new StepOutcome.Failed("Unknown step type " + ctx.step().type(), null);
            };
        } catch (ApiException e) {
            return new StepOutcome.Failed(e.getMessage(), null);
        }
    }

    private StepOutcome toolCall(Context ctx, JsonNode c) {
        ToolResult r = tool(ctx, StepConfigs.toolName(c), StepConfigs.toolArgs(c));
        GateVerdict verdict = r.autonomy();
        if (verdict != null && verdict.decision() == GateVerdict.Decision.needs_approval) {
            ObjectNode details = json.createObjectNode().put("kind", "approval").put("stepId", ctx.step().id())
                    .put("approvalId", verdict.approvalId()).put("tool", r.tool()).put("reason", verdict.reason());
            return new StepOutcome.Waiting("approval", details, verdict.approvalId());
        }
        return r.isError() ? new StepOutcome.Failed(String.valueOf(r.result()), json.valueToTree(r))
                : new StepOutcome.Done(json.valueToTree(r.result()), null);
    }

    private ToolResult tool(Context ctx, String name, JsonNode args) {
        return tools.executeGated(name, ctx.actor(), args, Math.min(ctx.plan().autonomyLevel(), 3));
    }

    private StepOutcome decision(Context ctx, JsonNode c) {
        List<String> choices = new ArrayList<>();
        c.path("choices").forEach(choice -> choices.add(choice.asString()));
        StringBuilder prompt = new StringBuilder(c.path("prompt").asString());
        if (!choices.isEmpty()) {
            prompt.append("\n\nAnswer with exactly one of: ").append(String.join(" | ", choices));
        }
        String earlier = json.writeValueAsString(variables(ctx));
        prompt.append("\n\nResults of the earlier steps: ")
                .append(earlier.length() > MAX_CONTEXT ? earlier.substring(0, MAX_CONTEXT) + "…" : earlier);
        ChatReply reply = chat.run(ctx.actor(), new ChatTurns.Turn(prompt.toString(), text(c, "agentId"),
                text(c, "provider"), text(c, "model"), null), ChatSink.NONE, ctx.cancellation());
        String answer = reply.response() == null ? "" : reply.response().trim();
        String decision = choices.isEmpty() ? answer : choose(answer, choices);
        if (decision == null) {
            return new StepOutcome.Failed("The model answered \"" + clip(answer) + "\", which is none of " + choices,
                    null);
        }
        ObjectNode result = json.createObjectNode().put("decision", decision).put("reply", answer)
                .put("conversationId", reply.conversationId());
        return new StepOutcome.Done(result, null);
    }

    /** The choice the answer is (quotes and a final full stop aside), or the only choice it names. */
    static String choose(String answer, List<String> choices) {
        String bare = answer.replaceAll("^[\"'`*\\s]+|[\"'`*.!\\s]+$", "");
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(bare)) {
                return choice;
            }
        }
        String lower = answer.toLowerCase(Locale.ROOT);
        List<String> named = choices.stream()
                .filter(choice -> java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(
                        choice.toLowerCase(Locale.ROOT)) + "\\b").matcher(lower).find()).toList();
        return named.size() == 1 ? named.getFirst() : null;
    }

    private ObjectNode question(PlanStep step) {
        ObjectNode q = json.createObjectNode().put("kind", "user_input").put("stepId", step.id())
                .put("question", step.config().path("question").asString())
                .put("inputType", step.config().path("inputType").asString("text"));
        q.set("options", step.config().path("options").isArray() ? step.config().get("options") : json.createArrayNode());
        return q;
    }

    private StepOutcome condition(Context ctx, JsonNode c) {
        String expression = c.path("condition").asString();
        boolean holds = switch (expression.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> expression.startsWith("result:") ? truthy(resultOf(ctx, expression.substring(7).trim()))
                    : expressions.holds(expression, variables(ctx));
        };
        String branch = holds ? text(c, "trueStep") : text(c, "falseStep");
        return new StepOutcome.Done(json.createObjectNode().put("value", holds).put("next", branch), branch);
    }

    private StepOutcome parallel(Context ctx, JsonNode c) throws InterruptedException {
        Semaphore slots = new Semaphore(c.path("maxConcurrency").asInt(StepConfigs.MAX_PARALLEL));
        List<Future<ToolResult>> runs = new ArrayList<>();
        for (JsonNode call : c.path("steps")) {
            slots.acquire();
            runs.add(parallel.submit(() -> {
                try {
                    return tool(ctx, StepConfigs.toolName(call), StepConfigs.toolArgs(call));
                } finally {
                    slots.release();
                }
            }));
        }
        List<JsonNode> results = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            for (Future<ToolResult> run : runs) {
                ToolResult r = run.get();
                results.add(json.valueToTree(r));
                if (r.autonomy() != null && !r.autonomy().runs()) {
                    errors.add(r.tool() + " needs approval; a parallel step cannot wait for one, so run it as a "
                            + "tool_call step of its own");
                } else if (r.isError()) {
                    errors.add(r.tool() + ": " + r.result());
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            errors.add(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            runs.forEach(run -> run.cancel(true));
            throw e;
        }
        ObjectNode result = json.createObjectNode();
        result.set("results", json.valueToTree(results));
        return errors.isEmpty() ? new StepOutcome.Done(result, null) : new StepOutcome.Failed(String.join("; ", errors), result);
    }

    private StepOutcome loop(Context ctx, JsonNode c) {
        int max = c.path("maxIterations").asInt(10);
        String condition = text(c, "condition");
        List<JsonNode> results = new ArrayList<>();
        Map<String, Object> vars = variables(ctx);
        for (int i = 0; i < max && !Thread.currentThread().isInterrupted(); i++) {
            vars.put("iteration", i);
            vars.put("last", results.isEmpty() ? null : plain(results.getLast()));
            if (condition != null && !expressions.holds(condition, vars)) {
                break;
            }
            ToolResult r = tool(ctx, StepConfigs.toolName(c), StepConfigs.toolArgs(c));
            if (r.autonomy() != null && !r.autonomy().runs()) {
                return new StepOutcome.Failed(r.tool() + " needs approval; a loop cannot wait for one", json.valueToTree(r));
            }
            if (r.isError()) {
                return new StepOutcome.Failed("Iteration " + i + ": " + r.result(), json.valueToTree(results));
            }
            results.add(json.valueToTree(r.result()));
        }
        ObjectNode result = json.createObjectNode().put("iterations", results.size());
        result.set("results", json.valueToTree(results));
        return new StepOutcome.Done(result, null);
    }

    /** The earlier results: {@code step<orderNum>} and {@code last}, as plain values. */
    Map<String, Object> variables(Context ctx) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Object last = null;
        for (PlanStep s : ctx.previous()) {
            if (s.status().equals("completed") && !s.id().equals(ctx.step().id())) {
                Object value = plain(s.result());
                vars.put("step" + s.orderNum(), value);
                last = value;
            }
        }
        vars.put("last", last);
        return vars;
    }

    private Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : json.convertValue(node, Object.class);
    }

    private JsonNode resultOf(Context ctx, String stepId) {
        return ctx.previous().stream().filter(s -> s.id().equals(stepId)).findFirst().map(PlanStep::result).orElse(null);
    }

    private static boolean truthy(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        return !(node.isString() && node.asString().isEmpty()) && !(node.isContainer() && node.isEmpty());
    }

    private static String text(JsonNode c, String field) {
        return c.path(field).isString() && !c.path(field).asString().isBlank() ? c.path(field).asString() : null;
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
