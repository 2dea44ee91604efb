package ownpilot.gateway.triggers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.goals.Goal;
import ownpilot.gateway.goals.GoalService;
import ownpilot.gateway.memories.MemoryService;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.SafeExpressions;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a condition trigger over the user's goals and memories. The variables (also what an
 * {@code expression} condition may use): {@code activeGoals}, {@code staleGoals} (active, not updated
 * for {@code staleDays}, 3), {@code dueSoonGoals} (active, due within {@code deadlineDays}, 7, overdue
 * included), {@code overdueGoals}, {@code lowProgressGoals} (active, progress below {@code
 * progressBelow}, 20), {@code memoryCount}, {@code recentMemories} (created in the last 7 days). The
 * named conditions compare one of them with {@code threshold}: stale_goals, upcoming_deadline and
 * low_progress hold when the count is at least 1 (the threshold is the days or the percentage);
 * memory_threshold when memoryCount ≥ threshold (100); no_activity when recentMemories is 0.
 */
@Component
class TriggerConditions {

    record Evaluation(boolean holds, Map<String, Object> values) {}

    private final GoalService goals;
    private final MemoryService memories;
    private final SettingsService settings;
    private final SafeExpressions expressions;

    TriggerConditions(GoalService goals, MemoryService memories, SettingsService settings, SafeExpressions expressions) {
        this.goals = goals;
        this.memories = memories;
        this.settings = settings;
        this.expressions = expressions;
    }

    static int intervalSeconds(JsonNode config) {
        if (config.path("checkIntervalSeconds").isNumber()) {
            return config.path("checkIntervalSeconds").asInt();
        }
        return config.path("checkInterval").asInt(60) * 60;
    }

    /** The least time between two fires: {@code minIntervalMinutes}, else the check interval. */
    static long minGapSeconds(JsonNode config) {
        long minutes = config.path("minIntervalMinutes").asLong(0);
        return minutes > 0 ? minutes * 60 : intervalSeconds(config);
    }

    Evaluation evaluate(String userId, JsonNode config) {
        String condition = config.path("condition").asString();
        double threshold = config.path("threshold").asDouble(0);
        int staleDays = condition.equals("stale_goals") && threshold > 0 ? (int) threshold : config.path("staleDays").asInt(3);
        int deadlineDays = condition.equals("upcoming_deadline") && threshold > 0 ? (int) threshold
                : config.path("deadlineDays").asInt(7);
        double progressBelow = condition.equals("low_progress") && threshold > 0 ? threshold
                : config.path("progressBelow").asDouble(20);
        Map<String, Object> v = values(userId, staleDays, deadlineDays, progressBelow);
        boolean holds = switch (condition) {
            case "stale_goals" -> count(v, "staleGoals") > 0;
            case "upcoming_deadline" -> count(v, "dueSoonGoals") > 0;
            case "low_progress" -> count(v, "lowProgressGoals") > 0;
            case "memory_threshold" -> count(v, "memoryCount") >= (threshold > 0 ? threshold : 100);
            case "no_activity" -> count(v, "recentMemories") == 0;
            case "expression" -> expressions.holds(config.path("expression").asString(), v);
            default -> false;
        };
        return new Evaluation(holds, v);
    }

    private Map<String, Object> values(String userId, int staleDays, int deadlineDays, double progressBelow) {
        List<Goal> active = goals.list(userId, List.of("active"), null, 1000, 0);
        Instant staleBefore = Instant.now().minus(staleDays, ChronoUnit.DAYS);
        LocalDate today = LocalDate.now(settings.timeZone(userId));
        MemoryService.Summary memory = memories.summary(userId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("activeGoals", active.size());
        v.put("staleGoals", active.stream().filter(g -> Instant.parse(g.updatedAt()).isBefore(staleBefore)).count());
        v.put("dueSoonGoals", active.stream().filter(g -> g.dueDate() != null
                && !LocalDate.parse(g.dueDate()).isAfter(today.plusDays(deadlineDays))).count());
        v.put("overdueGoals", active.stream().filter(g -> g.dueDate() != null
                && LocalDate.parse(g.dueDate()).isBefore(today)).count());
        v.put("lowProgressGoals", active.stream().filter(g -> g.progress() < progressBelow).count());
        v.put("memoryCount", memory.total());
        v.put("recentMemories", memory.recentCount());
        return v;
    }

    private static double count(Map<String, Object> values, String name) {
        return ((Number) values.get(name)).doubleValue();
    }
}
