package ownpilot.gateway.goals;

import java.util.List;

/** A step towards a goal; it can start once every step in {@code dependencies} is completed or skipped. */
public record GoalStep(String id, String goalId, String title, String description, String status, int orderNum,
        List<String> dependencies, String result, String createdAt, String updatedAt, String completedAt) {

    public static final List<String> STATUSES = List.of("pending", "in_progress", "completed", "blocked", "skipped");
}
