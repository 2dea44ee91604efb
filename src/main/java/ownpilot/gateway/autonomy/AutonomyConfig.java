package ownpilot.gateway.autonomy;

import java.util.List;

/**
 * A user's autonomy settings. {@code level}: 0 Manual, 1 Supervised, 2 Guided, 3 Autonomous.
 * Lists name tools or tool categories; {@code confirmationRequired} tools always ask.
 */
public record AutonomyConfig(int level, List<String> allowedTools, List<String> blockedTools,
        List<String> allowedCategories, List<String> blockedCategories, List<String> confirmationRequired,
        int approvalTtlSeconds) {

    public record Level(int level, String name, String description) {}

    public static final List<Level> LEVELS = List.of(
            new Level(0, "Manual", "All actions require approval"),
            new Level(1, "Supervised", "Safe actions auto-approved"),
            new Level(2, "Guided", "Most actions auto-approved"),
            new Level(3, "Autonomous", "Full autonomy"));

    public static AutonomyConfig defaults() {
        return new AutonomyConfig(1, List.of(), List.of(), List.of(), List.of(), List.of(), 300);
    }
}
