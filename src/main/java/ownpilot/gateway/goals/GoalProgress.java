package ownpilot.gateway.goals;

import java.util.List;

/**
 * How a goal's progress follows its steps: the share of completed steps among those that count,
 * rounded to a whole percent; skipped steps do not count. A goal without counting steps keeps the
 * progress set by hand. Recomputed whenever a step is added, changed, completed or deleted.
 */
final class GoalProgress {

    private GoalProgress() {}

    /** The progress the steps give, or null when they give none (no step, or all skipped). */
    static Integer of(List<GoalStep> steps) {
        long counted = steps.stream().filter(s -> !s.status().equals("skipped")).count();
        if (counted == 0) {
            return null;
        }
        long completed = steps.stream().filter(s -> s.status().equals("completed")).count();
        return (int) Math.round(100.0 * completed / counted);
    }
}
