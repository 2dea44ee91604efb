package ownpilot.gateway.goals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.DomainEvents;
import ownpilot.gateway.shared.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Goals, sub-goals and steps. A parent must be another of the user's goals and never one of the
 * goal's own descendants; a step's dependencies are other steps of the same goal, without cycles.
 */
@Service
public class GoalService {

    /** A goal with its steps. */
    public record WithSteps(@com.fasterxml.jackson.annotation.JsonUnwrapped Goal goal, List<GoalStep> steps) {}

    /** A step that can be worked on now, with the goal it serves. */
    public record NextAction(@com.fasterxml.jackson.annotation.JsonUnwrapped GoalStep step, String goalTitle,
            int goalPriority, String goalDueDate) {}

    static final int MAX_DEPTH = 20;

    private final GoalRepository repository;
    private final SettingsService settings;

    private final DomainEvents events;

    GoalService(GoalRepository repository, SettingsService settings, DomainEvents events) {
        this.events = events;
        this.repository = repository;
        this.settings = settings;
    }

    @Transactional
    public Goal create(String userId, JsonNode body) {
        GoalRepository.GoalValues v = GoalInput.goal(body, null);
        String id = Ids.prefixed("goal");
        checkParent(userId, id, v.parentId());
        return repository.insert(userId, id, v);
    }

    public Goal get(String userId, String id) {
        return repository.find(userId, id).orElseThrow(() -> notFound("Goal", id));
    }

    public WithSteps withSteps(String userId, String id) {
        return new WithSteps(get(userId, id), repository.steps(userId, id));
    }

    /** Progress can be set by hand only while no step counts towards it. */
    @Transactional
    public Goal update(String userId, String id, JsonNode body) {
        Goal current = get(userId, id);
        GoalRepository.GoalValues v = GoalInput.goal(body, current);
        if (body.has("progress") && GoalProgress.of(repository.steps(userId, id)) != null) {
            throw ApiException.validation("progress", "follows the goal's steps; change the steps instead");
        }
        if (!java.util.Objects.equals(v.parentId(), current.parentId())) {
            checkParent(userId, id, v.parentId());
        }
        Goal updated = repository.update(userId, id, v).orElseThrow(() -> notFound("Goal", id));
        if ("completed".equals(updated.status()) && !"completed".equals(current.status())) {
            events.publish(new GoalCompleted(userId, id, updated.title(), java.time.Instant.now()));
        }
        return updated;
    }

    public void delete(String userId, String id) {
        if (!repository.delete(userId, id)) {
            throw notFound("Goal", id);
        }
    }

    public List<Goal> list(String userId, List<String> statuses, String parentId, int limit, int offset) {
        return repository.list(userId, statuses, parentId, limit, offset);
    }

    long count(String userId, List<String> statuses, String parentId) {
        return repository.count(userId, statuses, parentId);
    }

    List<Goal> upcoming(String userId, int days) {
        return repository.dueBy(userId, today(userId).plusDays(days));
    }

    GoalRepository.Stats stats(String userId) {
        return repository.stats(userId, today(userId));
    }

    public List<GoalStep> steps(String userId, String goalId) {
        get(userId, goalId);
        return repository.steps(userId, goalId);
    }

    /** One step ({@code {title…}}) or several ({@code {steps: [...]}}), all checked before any is stored. */
    @Transactional
    public List<GoalStep> addSteps(String userId, String goalId, JsonNode body) {
        get(userId, goalId);
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.isObject() && body.has("steps") && body.size() == 1) {
            JsonNode steps = body.get("steps");
            if (!steps.isArray() || steps.isEmpty() || steps.size() > GoalInput.MAX_STEPS_AT_ONCE) {
                throw ApiException.validation("steps", "must be an array of 1 to " + GoalInput.MAX_STEPS_AT_ONCE
                        + " steps");
            }
            steps.forEach(items::add);
        } else {
            items.add(body);
        }
        List<GoalStep> existing = repository.steps(userId, goalId);
        int next = existing.stream().mapToInt(GoalStep::orderNum).max().orElse(-1) + 1;
        List<GoalStep> added = new ArrayList<>();
        for (JsonNode item : items) {
            GoalRepository.StepValues v = GoalInput.step(item, null, next++);
            String id = Ids.prefixed("step");
            List<GoalStep> all = new ArrayList<>(existing);
            all.addAll(added);
            checkDependencies(id, v.dependencies(), all);
            added.add(repository.insertStep(userId, goalId, id, v));
        }
        recompute(userId, goalId);
        return added;
    }

    @Transactional
    public GoalStep updateStep(String userId, String goalId, String stepId, JsonNode body) {
        List<GoalStep> steps = steps(userId, goalId);
        GoalStep current = steps.stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> notFound("Step", stepId));
        GoalRepository.StepValues v = GoalInput.step(body, current, current.orderNum());
        checkDependencies(stepId, v.dependencies(), steps);
        GoalStep saved = repository.updateStep(userId, goalId, stepId, v).orElseThrow(() -> notFound("Step", stepId));
        recompute(userId, goalId);
        return saved;
    }

    @Transactional
    public GoalStep completeStep(String userId, String goalId, String stepId, String result) {
        var body = JsonNodeFactory.instance.objectNode().put("status", "completed");
        if (result != null) {
            body.put("result", result);
        }
        return updateStep(userId, goalId, stepId, body);
    }

    @Transactional
    public void deleteStep(String userId, String goalId, String stepId) {
        get(userId, goalId);
        if (!repository.deleteStep(userId, goalId, stepId)) {
            throw notFound("Step", stepId);
        }
        recompute(userId, goalId);
    }

    /**
     * Steps to work on now: pending or in progress, of active goals, every dependency completed or
     * skipped. Ordered by the goal's priority (highest first), its due date (soonest first, none last),
     * then the step's order within its goal.
     */
    public List<NextAction> nextActions(String userId, int limit) {
        List<Map.Entry<Goal, GoalStep>> open = repository.openStepsOfActiveGoals(userId);
        Set<String> deps = new HashSet<>();
        open.forEach(e -> deps.addAll(e.getValue().dependencies()));
        Set<String> done = new HashSet<>(repository.doneAmong(userId, new ArrayList<>(deps)));
        List<NextAction> out = new ArrayList<>();
        for (var e : open) {
            if (done.containsAll(e.getValue().dependencies())) {
                out.add(new NextAction(e.getValue(), e.getKey().title(), e.getKey().priority(), e.getKey().dueDate()));
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    private void recompute(String userId, String goalId) {
        Integer progress = GoalProgress.of(repository.steps(userId, goalId));
        if (progress != null) {
            repository.setProgress(userId, goalId, progress);
        }
    }

    private void checkParent(String userId, String id, String parentId) {
        if (parentId == null) {
            return;
        }
        if (parentId.equals(id)) {
            throw ApiException.validation("parentId", "cannot be the goal itself");
        }
        if (repository.find(userId, parentId).isEmpty()) {
            throw ApiException.validation("parentId", "names no goal of yours");
        }
        List<String> chain = repository.ancestors(userId, parentId, MAX_DEPTH + 1);
        if (chain.contains(id)) {
            throw new ApiException(HttpStatus.CONFLICT, "GOAL_CYCLE",
                    "Goal " + parentId + " is below this goal; a goal cannot be its own ancestor");
        }
        if (chain.size() >= MAX_DEPTH) {
            throw ApiException.validation("parentId", "would nest goals more than " + MAX_DEPTH + " levels deep");
        }
    }

    /** Dependencies name other steps of the goal, and following them never leads back to {@code stepId}. */
    private static void checkDependencies(String stepId, List<String> deps, List<GoalStep> steps) {
        Map<String, List<String>> graph = new HashMap<>();
        steps.forEach(s -> graph.put(s.id(), s.dependencies()));
        for (String d : deps) {
            if (d.equals(stepId)) {
                throw ApiException.validation("dependencies", "a step cannot depend on itself");
            }
            if (!graph.containsKey(d)) {
                throw ApiException.validation("dependencies", "names " + d + ", which is not a step of this goal");
            }
        }
        graph.put(stepId, deps);
        List<String> todo = new ArrayList<>(deps);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (next.equals(stepId)) {
                throw new ApiException(HttpStatus.CONFLICT, "STEP_CYCLE", "These dependencies would form a cycle");
            }
            if (seen.add(next)) {
                todo.addAll(graph.getOrDefault(next, List.of()));
            }
        }
    }

    private LocalDate today(String userId) {
        return LocalDate.now(settings.timeZone(userId));
    }

    private static ApiException notFound(String what, String id) {
        return ApiException.notFound(what + " " + id);
    }
}
