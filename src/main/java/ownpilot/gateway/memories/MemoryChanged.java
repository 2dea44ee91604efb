package ownpilot.gateway.memories;

import java.time.Instant;
import java.util.Map;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AuditedEvent;

/** Published after a memory was remembered, boosted (said again), changed or forgotten. */
public record MemoryChanged(Actor actor, Change change, String memoryId, String type, String source,
        Instant occurredAt) implements AuditedEvent {

    public enum Change { created, boosted, updated, deleted, imported }

    MemoryChanged(Actor actor, Change change, Memory memory) {
        this(actor, change, memory.id(), memory.type(), memory.source(), Instant.now());
    }

    @Override
    public String auditType() {
        return "memory." + change.name();
    }

    @Override
    public String resourceType() {
        return "memory";
    }

    @Override
    public String resourceId() {
        return memoryId;
    }

    /** Never the content: the trail records that something was remembered, not what. */
    @Override
    public Map<String, Object> auditDetails() {
        return Map.of("type", type, "source", source == null ? "unknown" : source);
    }
}
