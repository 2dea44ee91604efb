package ownpilot.gateway.triggers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import ownpilot.gateway.channels.ChannelNotifier;
import ownpilot.gateway.chat.ChatReply;
import ownpilot.gateway.chat.ChatSink;
import ownpilot.gateway.chat.ChatTurns;
import ownpilot.gateway.goals.GoalService;
import ownpilot.gateway.memories.MemoryService;
import ownpilot.gateway.plans.PlanRuns;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.tools.GateVerdict;
import ownpilot.gateway.tools.ToolExecution;
import ownpilot.gateway.tools.ToolResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Does what a trigger's action says, as the trigger's actor ({@code trigger:<id>}): a chat turn
 * through the chat service (costed, budget-checked, stored on its own conversation), a tool run
 * through the autonomy gate (a call that needs approval is parked and the fire is {@code skipped}),
 * a plan run, a notification (also sent to a channel's chat when it names a {@code channelId}), a goal
 * check or a memory summary.
 */
@Component
class TriggerActions {

    static final int MAX_CONTEXT = 4000;

    record Outcome(String status, JsonNode result, String error) {

        static Outcome success(JsonNode result) {
            return new Outcome("success", result, null);
        }

        static Outcome failure(String error, JsonNode result) {
            return new Outcome("failure", result, error);
        }
    }

    private final ChatTurns chat;
    private final ToolExecution tools;
    private final PlanRuns plans;
    private final Notifications notifications;
    private final GoalService goals;
    private final MemoryService memories;
    private final ChannelNotifier channels;
    private final JsonMapper json;

    TriggerActions(ChatTurns chat, ToolExecution tools, PlanRuns plans, Notifications notifications, GoalService goals,
            MemoryService memories, ChannelNotifier channels, JsonMapper json) {
        this.channels = channels;
        this.chat = chat;
        this.tools = tools;
        this.plans = plans;
        this.notifications = notifications;
        this.goals = goals;
        this.memories = memories;
        this.json = json;
    }

    /** {@code context}: what fired it (the event's or webhook's payload, the condition's values), or null. */
    Outcome run(Trigger trigger, Actor actor, JsonNode context) {
        JsonNode payload = trigger.action().path("payload");
        try {
            return switch (trigger.action().path("type").asString()) {
                case "chat" -> chat(actor, payload, context);
                case "tool" -> tool(actor, payload, context);
                case "plan" -> Outcome.success(json.valueToTree(plans.start(actor, payload.path("planId").asString())));
                case "notification" -> notification(trigger, payload, context);
                case "goal_check" -> goalCheck(actor.userId(), payload.path("staleDays").asInt(3));
                case "memory_summary" -> Outcome.success(json.valueToTree(memories.summary(actor.userId())));
                default -> Outcome.failure("Unknown action type " + trigger.action().path("type").asString(), null);
            };
        } catch (ApiException e) {
            return Outcome.failure(e.code() + ": " + e.getMessage(), null);
        }
    }

    private Outcome chat(Actor actor, JsonNode payload, JsonNode context) {
        String message = payload.has("message") ? payload.path("message").asString() : payload.path("prompt").asString();
        JsonNode data = context == null ? null : context.get("data");
        if (data != null && !data.isEmpty()) {
            message = message + "\n\nWhat fired this: " + clip(json.writeValueAsString(data));
        }
        ChatReply reply = chat.run(actor, new ChatTurns.Turn(message, text(payload, "agentId"), text(payload, "provider"),
                text(payload, "model"), null), ChatSink.NONE);
        ObjectNode result = json.createObjectNode().put("content", reply.response())
                .put("conversationId", reply.conversationId()).put("messageId", reply.id())
                .put("provider", reply.provider()).put("model", reply.model());
        result.set("usage", json.valueToTree(reply.usage()));
        result.set("toolCalls", json.valueToTree(reply.toolCalls() == null ? List.of() : reply.toolCalls()));
        return Outcome.success(result);
    }

    private Outcome tool(Actor actor, JsonNode payload, JsonNode context) {
        String name = payload.has("tool") ? payload.path("tool").asString() : payload.path("toolName").asString();
        ObjectNode args;
        if (payload.path("args").isObject() || payload.path("arguments").isObject()) {
            args = (ObjectNode) (payload.path("args").isObject() ? payload.get("args") : payload.get("arguments")).deepCopy();
        } else {
            args = ((ObjectNode) payload).deepCopy();
            args.remove(List.of("tool", "toolName"));
        }
        ToolResult run = tools.executeGated(name, actor, args, null);
        JsonNode result = json.valueToTree(run);
        GateVerdict verdict = run.autonomy();
        if (verdict != null && verdict.decision() == GateVerdict.Decision.needs_approval) {
            return new Outcome("skipped", result, "Parked for your approval (" + verdict.approvalId() + "): "
                    + verdict.reason());
        }
        return run.isError() ? Outcome.failure(String.valueOf(run.result()), result) : Outcome.success(result);
    }

    private Outcome notification(Trigger trigger, JsonNode payload, JsonNode context) {
        String title = payload.path("title").asString(trigger.name());
        String message = payload.path("message").asString("");
        Notifications.Notification saved = notifications.notify(trigger.userId(), "trigger", trigger.id(), title,
                message.isEmpty() ? trigger.name() : message, context);
        ObjectNode result = json.valueToTree(saved);
        if (payload.path("channelId").isString()) {
            String text = message.isEmpty() || message.equals(title) ? title : title + "\n\n" + message;
            result.put("channelMessageId", channels.notify(trigger.userId(), payload.path("channelId").asString(),
                    text(payload, "chatId"), text));
        }
        return Outcome.success(result);
    }

    private Outcome goalCheck(String userId, int staleDays) {
        Instant before = Instant.now().minus(staleDays, ChronoUnit.DAYS);
        List<ObjectNode> stale = goals.list(userId, List.of("active"), null, 200, 0).stream()
                .filter(g -> Instant.parse(g.updatedAt()).isBefore(before)).limit(20)
                .map(g -> json.createObjectNode().put("id", g.id()).put("title", g.title()).put("updatedAt", g.updatedAt()))
                .toList();
        ObjectNode result = json.createObjectNode().put("staleDays", staleDays).put("count", stale.size());
        result.set("staleGoals", json.valueToTree(stale));
        return Outcome.success(result);
    }

    private static String text(JsonNode payload, String field) {
        return payload.path(field).isString() ? payload.path(field).asString() : null;
    }

    private static String clip(String text) {
        return text.length() <= MAX_CONTEXT ? text : text.substring(0, MAX_CONTEXT) + "…";
    }
}
