package ownpilot.gateway.shared;

import java.util.Map;

/**
 * A domain event that leaves a record in the audit trail: who did what to which resource and how it
 * ended. The audit module listens to this type, so a module makes an action audited by publishing one,
 * without knowing the audit module.
 */
public interface AuditedEvent {

    Actor actor();

    /** When it happened: the audit record's time, whenever the listener gets to write it. */
    java.time.Instant occurredAt();

    /** The audit type, e.g. {@code agent.created}. */
    String auditType();

    String resourceType();

    String resourceId();

    default boolean succeeded() {
        return true;
    }

    Map<String, Object> auditDetails();

    /** One of {@code debug, info, warn, error, critical}. */
    default String auditSeverity() {
        return "info";
    }

    default Long auditDurationMs() {
        return null;
    }

    /** An event about one tool: the audit record's resource is the tool. */
    interface OnTool extends AuditedEvent {

        String tool();

        @Override
        default String resourceType() {
            return "tool";
        }

        @Override
        default String resourceId() {
            return tool();
        }
    }
}
