package ownpilot.gateway.plans;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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

/**
 * Plans (spec §18, plus the original's {@code abort}, {@code checkpoint}, {@code rollback}, {@code
 * stats}, {@code active}, {@code pending} and {@code executor/status}, and the answers to questions a
 * run asks). {@code execute} returns at once with the run started; {@code ?wait=true} waits (at most
 * {@code waitMs}, 30 s) until it ends or waits for the user.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlansController {

    static final java.util.Map<String, String> STATUS_ALIASES = Map.of("draft", "pending", "active", "running");

    record Listing(List<Plan> plans, long total, int limit, int offset) {}

    record Plans(List<Plan> plans, int count) {}

    record Created(Plan plan, String message) {}

    record Detail(@JsonUnwrapped Plan plan, List<PlanStep> steps, List<PlanRepository.HistoryEntry> recentHistory) {}

    record Steps(List<PlanStep> steps, int count) {}

    record History(List<PlanRepository.HistoryEntry> history, int count) {}

    record Run(@JsonUnwrapped Plan plan, String message) {}

    record Inputs(List<PlanStep> inputs, int count) {}

    private final PlanService service;
    private final PlanRuns runs;
    private final PlanRepository plans;
    private final PlanStats stats;
    private final PlanWorker worker;
    private final CurrentUser user;

    PlansController(PlanService service, PlanRuns runs, PlanRepository plans, PlanStats stats, PlanWorker worker,
            CurrentUser user) {
        this.service = service;
        this.runs = runs;
        this.plans = plans;
        this.stats = stats;
        this.worker = worker;
        this.user = user;
    }

    @GetMapping
    Listing list(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        String raw = params.get("status");
        List<String> statuses = raw == null || raw.isBlank() ? List.of()
                : List.of(STATUS_ALIASES.getOrDefault(raw, q.oneOf("status", allStatuses())));
        Paging paging = q.paging(20);
        String goalId = q.text("goalId");
        String triggerId = q.text("triggerId");
        return new Listing(plans.list(user.id(), statuses, goalId, triggerId, paging.limit(), paging.offset()),
                plans.count(user.id(), statuses, goalId, triggerId), paging.limit(), paging.offset());
    }

    private static List<String> allStatuses() {
        List<String> all = new java.util.ArrayList<>(Plan.STATUSES);
        all.addAll(STATUS_ALIASES.keySet());
        return all;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody JsonNode body) {
        return new Created(service.create(user.id(), body), "Plan created.");
    }

    @GetMapping("/stats")
    PlanStats.Stats stats() {
        return stats.of(user.id());
    }

    @GetMapping("/active")
    Plans active() {
        List<Plan> active = plans.list(user.id(), List.of("running", "paused"), null, null, Paging.MAX_LIMIT, 0);
        return new Plans(active, active.size());
    }

    @GetMapping("/pending")
    Plans pending() {
        List<Plan> pending = plans.list(user.id(), List.of("pending"), null, null, Paging.MAX_LIMIT, 0);
        return new Plans(pending, pending.size());
    }

    /** The questions running plans wait on, for the user to answer. */
    @GetMapping("/inputs")
    Inputs inputs() {
        List<PlanStep> waiting = plans.waitingInputs(user.id());
        return new Inputs(waiting, waiting.size());
    }

    @GetMapping("/executor/status")
    PlanWorker.Status executor() {
        return worker.status();
    }

    @GetMapping("/{id}")
    Detail get(@PathVariable String id) {
        Plan plan = service.get(user.id(), id);
        return new Detail(plan, plans.steps(id), plans.history(user.id(), id, 20));
    }

    @PatchMapping("/{id}")
    Plan update(@PathVariable String id, @RequestBody JsonNode body) {
        return service.update(user.id(), id, body);
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        service.delete(user.id(), id);
        return Deleted.of(id);
    }

    @PostMapping({"/{id}/execute", "/{id}/start"})
    Run execute(@PathVariable String id, @RequestParam Map<String, String> params) throws InterruptedException {
        Plan started = runs.execute(user.id(), id);
        QueryParams q = new QueryParams(params);
        if (Boolean.TRUE.equals(q.bool("wait"))) {
            return new Run(await(id, q.integer("waitMs", 30_000, 100, 120_000)), "Plan run finished or waiting.");
        }
        return new Run(started, "Plan run started; it continues in the background.");
    }

    private Plan await(String id, int waitMs) throws InterruptedException {
        long until = System.currentTimeMillis() + waitMs;
        Plan plan = service.get(user.id(), id);
        while (System.currentTimeMillis() < until && plan.status().equals("running") && plan.waitingFor() == null) {
            Thread.sleep(100);
            plan = service.get(user.id(), id);
        }
        return plan;
    }

    @PostMapping("/{id}/pause")
    Run pause(@PathVariable String id) {
        return new Run(runs.pause(user.id(), id), "Plan paused; it stops before its next step.");
    }

    @PostMapping("/{id}/resume")
    Run resume(@PathVariable String id) {
        return new Run(runs.resume(user.id(), id), "Plan resumed.");
    }

    @PostMapping("/{id}/abort")
    Run abort(@PathVariable String id) {
        return new Run(runs.abort(user.id(), id), "Plan aborted.");
    }

    @PostMapping("/{id}/checkpoint")
    Run checkpoint(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonFields f = JsonFields.ofOptional(body);
        return new Run(runs.checkpoint(user.id(), id, f.node("data")), "Checkpoint created.");
    }

    @PostMapping("/{id}/rollback")
    Run rollback(@PathVariable String id) {
        return new Run(runs.rollback(user.id(), id), "Rolled back to the checkpoint.");
    }

    @GetMapping("/{id}/steps")
    Steps steps(@PathVariable String id) {
        List<PlanStep> steps = service.steps(user.id(), id);
        return new Steps(steps, steps.size());
    }

    @PostMapping("/{id}/steps")
    @ResponseStatus(HttpStatus.CREATED)
    PlanStep addStep(@PathVariable String id, @RequestBody JsonNode body) {
        return service.addStep(user.id(), id, body);
    }

    @GetMapping("/{id}/steps/{stepId}")
    PlanStep step(@PathVariable String id, @PathVariable String stepId) {
        return service.step(user.id(), id, stepId);
    }

    @PatchMapping("/{id}/steps/{stepId}")
    PlanStep updateStep(@PathVariable String id, @PathVariable String stepId, @RequestBody JsonNode body) {
        return service.updateStep(user.id(), id, stepId, body);
    }

    @DeleteMapping("/{id}/steps/{stepId}")
    Deleted deleteStep(@PathVariable String id, @PathVariable String stepId) {
        service.deleteStep(user.id(), id, stepId);
        return Deleted.of(stepId);
    }

    /** {@code {answer}}: text, one of the options, or true/false, as the step's {@code inputType} says. */
    @PostMapping("/{id}/steps/{stepId}/answer")
    PlanStep answer(@PathVariable String id, @PathVariable String stepId, @RequestBody JsonNode body) {
        JsonFields f = JsonFields.of(body).allow(java.util.Set.of("answer"));
        f.check();
        return runs.answer(user.id(), id, stepId, body.get("answer"));
    }

    @GetMapping("/{id}/history")
    History history(@PathVariable String id, @RequestParam Map<String, String> params) {
        service.get(user.id(), id);
        var entries = plans.history(user.id(), id, new QueryParams(params).integer("limit", 50, 1, Paging.MAX_LIMIT));
        return new History(entries, entries.size());
    }
}
