package ownpilot.gateway.goals;

import java.time.Instant;

/** Published when a goal enters {@code completed}. */
public record GoalCompleted(String userId, String goalId, String title, Instant occurredAt) {}
