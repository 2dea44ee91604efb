package ownpilot.gateway.goals;

import java.util.List;
import ownpilot.gateway.shared.records.RawJson;

/** A goal; {@code progress} (0..100) follows its steps when it has any (see {@link GoalProgress}). */
public record Goal(String id, String title, String description, String status, int priority, String parentId,
        String dueDate, int progress, RawJson metadata, String createdAt, String updatedAt, String completedAt) {

    public static final List<String> STATUSES = List.of("active", "paused", "completed", "abandoned");
}
