package ownpilot.gateway.agents;

import java.time.Instant;
import java.util.Map;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AuditedEvent;

/** Published after an agent was created, updated, deleted or had its conversation reset. */
public record AgentChanged(Actor actor, Change change, String agentId, String name, Instant occurredAt) implements AuditedEvent {

    public AgentChanged(Actor actor, Change change, String agentId, String name) {
        this(actor, change, agentId, name, Instant.now());
    }

    public enum Change { created, updated, deleted, conversation_reset }

    @Override
    public String auditType() {
        return "agent." + change.name();
    }

    @Override
    public String resourceType() {
        return "agent";
    }

    @Override
    public String resourceId() {
        return agentId;
    }

    @Override
    public Map<String, Object> auditDetails() {
        return Map.of("name", name);
    }
}
