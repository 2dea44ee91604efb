package ownpilot.gateway.tools;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AuditedEvent;

/** Published after every tool run, successful or not, for audit and live events. */
public record ToolExecuted(String tool, String category, String source, Actor actor, boolean isError,
        long durationMs, String error, Instant occurredAt) implements AuditedEvent.OnTool {

    public ToolExecuted(String tool, String category, String source, Actor actor, boolean isError, long durationMs,
            String error) {
        this(tool, category, source, actor, isError, durationMs, error, Instant.now());
    }

    private static final int MAX_ERROR = 1000;

    @Override
    public String auditType() {
        return isError ? "tool.error" : "tool.success";
    }

    @Override
    public boolean succeeded() {
        return !isError;
    }

    @Override
    public Map<String, Object> auditDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("category", category);
        details.put("source", source);
        if (error != null) {
            details.put("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
        }
        return details;
    }

    @Override
    public String auditSeverity() {
        return isError ? "warn" : "info";
    }

    @Override
    public Long auditDurationMs() {
        return durationMs;
    }
}
