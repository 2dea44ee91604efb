package ownpilot.gateway.goals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Deleted;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/** Goals and steps (spec §16, plus {@code stats}, {@code upcoming} and a step's {@code complete}). */
@RestController
@RequestMapping("/api/v1/goals")
class GoalsController {

    record Listing(List<Goal> goals, long total, int limit, int offset) {}

    record Goals(List<Goal> goals, int count) {}

    record Actions(List<GoalService.NextAction> actions, int count) {}

    record Steps(List<GoalStep> steps, int count) {}

    private final GoalService goals;
    private final CurrentUser user;

    GoalsController(GoalService goals, CurrentUser user) {
        this.goals = goals;
        this.user = user;
    }

    /** {@code status} (repeatable), {@code parentId} ({@code null} for top-level goals), {@code limit}, {@code offset}. */
    @GetMapping
    Listing list(@RequestParam MultiValueMap<String, String> raw) {
        QueryParams q = new QueryParams(QueryParams.joined(raw));
        List<String> statuses = q.anyOf("status", Goal.STATUSES);
        String parent = q.text("parentId");
        String parentId = "null".equals(parent) ? "" : parent;
        Paging paging = q.paging(20);
        return new Listing(goals.list(user.id(), statuses, parentId, paging.limit(), paging.offset()),
                goals.count(user.id(), statuses, parentId), paging.limit(), paging.offset());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Goal create(@RequestBody JsonNode body) {
        return goals.create(user.id(), body);
    }

    @GetMapping("/active")
    Goals active() {
        List<Goal> active = goals.list(user.id(), List.of("active"), null, Paging.MAX_LIMIT, 0);
        return new Goals(active, active.size());
    }

    @GetMapping("/next-actions")
    Actions nextActions(@RequestParam Map<String, String> params) {
        List<GoalService.NextAction> actions = goals.nextActions(user.id(),
                new QueryParams(params).integer("limit", 5, 1, 50));
        return new Actions(actions, actions.size());
    }

    /** Active goals due within {@code days} (7), overdue ones included, soonest first. */
    @GetMapping("/upcoming")
    Goals upcoming(@RequestParam Map<String, String> params) {
        List<Goal> due = goals.upcoming(user.id(), new QueryParams(params).integer("days", 7, 0, 3650));
        return new Goals(due, due.size());
    }

    @GetMapping("/stats")
    GoalRepository.Stats stats() {
        return goals.stats(user.id());
    }

    @GetMapping("/{id}")
    GoalService.WithSteps get(@PathVariable String id) {
        return goals.withSteps(user.id(), id);
    }

    @PatchMapping("/{id}")
    Goal update(@PathVariable String id, @RequestBody JsonNode body) {
        return goals.update(user.id(), id, body);
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        goals.delete(user.id(), id);
        return Deleted.of(id);
    }

    @GetMapping("/{id}/steps")
    Steps steps(@PathVariable String id) {
        List<GoalStep> steps = goals.steps(user.id(), id);
        return new Steps(steps, steps.size());
    }

    /** One step, or {@code {steps: [...]}} (up to 50). */
    @PostMapping("/{id}/steps")
    @ResponseStatus(HttpStatus.CREATED)
    Steps addSteps(@PathVariable String id, @RequestBody JsonNode body) {
        List<GoalStep> added = goals.addSteps(user.id(), id, body);
        return new Steps(added, added.size());
    }

    @PatchMapping("/{id}/steps/{stepId}")
    GoalStep updateStep(@PathVariable String id, @PathVariable String stepId, @RequestBody JsonNode body) {
        return goals.updateStep(user.id(), id, stepId, body);
    }

    @DeleteMapping("/{id}/steps/{stepId}")
    Deleted deleteStep(@PathVariable String id, @PathVariable String stepId) {
        goals.deleteStep(user.id(), id, stepId);
        return Deleted.of(stepId);
    }

    /** {@code {result?}} */
    @PostMapping("/{id}/steps/{stepId}/complete")
    GoalStep complete(@PathVariable String id, @PathVariable String stepId,
            @RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("result"));
        String result = in.nullableText("result", null, 10_000);
        in.check();
        return goals.completeStep(user.id(), id, stepId, result);
    }
}
