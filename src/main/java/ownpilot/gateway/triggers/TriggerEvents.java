package ownpilot.gateway.triggers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.channels.ChannelMessageReceived;
import ownpilot.gateway.chat.ChatCompleted;
import ownpilot.gateway.goals.GoalCompleted;
import ownpilot.gateway.memories.MemoryChanged;
import ownpilot.gateway.personaldata.TaskCompleted;
import ownpilot.gateway.personaldata.TaskCreated;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.DomainEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event triggers. Each domain event a user has an event trigger for is stored as a {@link
 * TriggerEventOccurred} in the durable publication registry, in the transaction of the change that
 * caused it (or one of its own for a chat turn), and fired from there: a crash replays it, and the
 * event's key, claimed per trigger, keeps a replay from firing twice. What a trigger's own action
 * causes never fires event triggers, so no trigger can set off itself or another in a loop.
 */
@Component
class TriggerEvents {

    private final TriggerService service;
    private final TriggerRepository triggers;
    private final TriggerFiring firing;
    private final DomainEvents events;
    private final JsonMapper json;

    TriggerEvents(TriggerService service, TriggerRepository triggers, TriggerFiring firing, DomainEvents events,
            JsonMapper json) {
        this.service = service;
        this.triggers = triggers;
        this.firing = firing;
        this.events = events;
        this.json = json;
    }

    @EventListener
    void on(TaskCreated e) {
        observe(e.actor(), "task_created", "task:" + e.taskId(), Map.of("taskId", e.taskId(), "title", e.title(),
                "status", e.status(), "priority", Objects.toString(e.priority(), "")));
    }

    @EventListener
    void on(TaskCompleted e) {
        observe(e.actor(), "task_completed", "task-done:" + e.taskId() + ":" + e.occurredAt().toEpochMilli(),
                Map.of("taskId", e.taskId(), "title", e.title(), "priority", Objects.toString(e.priority(), "")));
    }

    @EventListener
    void on(GoalCompleted e) {
        observe(null, e.userId(), "goal_completed", "goal-done:" + e.goalId() + ":" + e.occurredAt().toEpochMilli(),
                Map.of("goalId", e.goalId(), "title", e.title()));
    }

    @EventListener
    void on(MemoryChanged e) {
        if (e.change() == MemoryChanged.Change.created) {
            observe(e.actor(), "memory_added", "memory:" + e.memoryId(), Map.of("memoryId", e.memoryId(),
                    "type", e.type(), "source", Objects.toString(e.source(), "")));
        }
    }

    @EventListener
    void on(ChatCompleted e) {
        if (e.error() == null) {
            observe(e.actor(), e.userId(), "chat_completed", "chat:" + e.messageId(), Map.of("conversationId",
                    e.conversationId(), "messageId", e.messageId(), "provider", Objects.toString(e.provider(), ""),
                    "model", Objects.toString(e.model(), ""), "messageLength", e.message() == null ? 0 : e.message().length(),
                    "responseLength", e.reply() == null ? 0 : e.reply().length()));
        }
    }

    @EventListener
    void on(ChannelMessageReceived e) {
        String content = e.content().length() <= 1000 ? e.content() : e.content().substring(0, 1000);
        observe(e.actor(), "channel_message", "channel:" + e.messageId(), Map.of("channelId", e.channelId(),
                "channelType", e.channelType(), "messageId", e.messageId(), "chatId", e.chatId(),
                "senderId", e.senderId(), "senderName", e.senderName(), "content", content));
    }

    private void observe(Actor actor, String eventType, String key, Map<String, Object> payload) {
        observe(actor, actor.userId(), eventType, key, payload);
    }

    private void observe(Actor actor, String userId, String eventType, String key, Map<String, Object> payload) {
        if (actor != null && actor.type() == Actor.Type.trigger) {
            return;
        }
        if (service.listensTo(userId, eventType)) {
            events.publish(new TriggerEventOccurred(userId, eventType, key, new LinkedHashMap<>(payload)));
        }
    }

    @ApplicationModuleListener
    void on(TriggerEventOccurred e) {
        JsonNode payload = json.valueToTree(e.payload());
        for (Trigger trigger : triggers.listeningTo(e.userId(), e.eventType())) {
            if (matches(trigger.config().path("filters"), payload)) {
                firing.fire(trigger, "event", payload, null, "event:" + e.key());
            }
        }
    }

    /** Every filter value equals the payload's value of that name (text compared as text). */
    static boolean matches(JsonNode filters, JsonNode payload) {
        if (!filters.isObject()) {
            return true;
        }
        return filters.properties().stream().allMatch(f -> payload.has(f.getKey())
                && payload.get(f.getKey()).asString().equals(f.getValue().asString()));
    }
}
