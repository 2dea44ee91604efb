package ownpilot.gateway.personaldata;

import java.time.Instant;
import ownpilot.gateway.shared.Actor;

/** Published when a task is stored, by whoever stored it (the user, a tool run, a trigger). */
public record TaskCreated(Actor actor, String taskId, String title, String status, String priority, String dueDate,
        Instant occurredAt) {}
