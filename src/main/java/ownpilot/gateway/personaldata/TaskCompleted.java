package ownpilot.gateway.personaldata;

import java.time.Instant;
import ownpilot.gateway.shared.Actor;

/** Published when a task enters {@code completed}; once per completion, not on every later edit. */
public record TaskCompleted(Actor actor, String taskId, String title, String priority, Instant occurredAt) {}
