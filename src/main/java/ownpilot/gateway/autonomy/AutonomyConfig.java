package ownpilot.gateway.autonomy;

import java.util.List;

/**
 * A user's autonomy settings. {@code level}: 0 Manual, 1 Supervised, 2 Guided, 3 Autonomous.
 * Lists name tools or tool categories; {@code confirmationRequired} tools always ask. Budgets in USD:
 * once the day's model spend reaches {@code dailyBudget}, no call the assistant makes runs without
 * approval; a background turn (trigger, plan, channel) stops when its own model calls cost more than
 * {@code maxCostPerAction}. 0 (the default) means no limit. {@code notificationThreshold}: the percentage of the
 * daily budget at which the UI warns.
 */
public record AutonomyConfig(int level, List<String> allowedTools, List<String> blockedTools,
        List<String> allowedCategories, List<String> blockedCategories, List<String> confirmationRequired,
        int approvalTtlSeconds, double dailyBudget, double maxCostPerAction, int notificationThreshold) {

    public record Level(int level, String name, String description) {}

    public static final List<Level> LEVELS = List.of(
            new Level(0, "Manual", "All actions require approval"),
            new Level(1, "Supervised", "Safe actions auto-approved"),
            new Level(2, "Guided", "Most actions auto-approved"),
            new Level(3, "Autonomous", "Full autonomy"));

    public static AutonomyConfig defaults() {
        return new AutonomyConfig(1, List.of(), List.of(), List.of(), List.of(), List.of(), 300, 0, 0, 80);
    }
}
