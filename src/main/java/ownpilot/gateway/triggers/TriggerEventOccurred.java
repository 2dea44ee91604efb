package ownpilot.gateway.triggers;

import java.util.Map;

/**
 * A domain event some event trigger of the user waits for, kept in the durable registry until the
 * triggers fired; {@code key} names the event once (a task's id, a chat message's id).
 */
public record TriggerEventOccurred(String userId, String eventType, String key, Map<String, Object> payload) {}
