package ownpilot.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One event to record: what happened, who did it, to what, how it ended, and when (null: now). */
public record AuditEntry(String userId, String type, Severity severity, String actorType, String actorId,
        String resourceType, String resourceId, boolean success, Map<String, Object> details, String correlationId,
        Long durationMs, Instant occurredAt) {

    /** Ordered from least to most severe; {@code minSeverity} filters use this order. */
    public enum Severity {
        debug, info, warn, error, critical;

        static final List<String> NAMES = List.of("debug", "info", "warn", "error", "critical");
    }
}
