package ownpilot.gateway.plans;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code sub_plan} step: starts the other plan's run (unless it already runs: a step taken over
 * after a crash waits for the run it started) and waits for it to end, checking every 250 ms within
 * the step's timeout. The sub-plan runs on the workers like any plan, so its own steps are durable.
 */
@Component
class SubPlans {

    static final long POLL_MS = 250;

    private final PlanRepository plans;
    private final PlanRuns runs;
    private final JsonMapper json;

    SubPlans(PlanRepository plans, PlanRuns runs, JsonMapper json) {
        this.plans = plans;
        this.runs = runs;
        this.json = json;
    }

    StepOutcome run(PlanSteps.Context ctx, String subPlanId) throws InterruptedException {
        Plan child = plans.find(ctx.plan().userId(), subPlanId).orElse(null);
        if (child == null) {
            return new StepOutcome.Failed("Sub-plan " + subPlanId + " does not exist", null);
        }
        if (!List.of("running", "paused").contains(child.status())) {
            runs.execute(ctx.plan().userId(), subPlanId);
        }
        while (true) {
            Thread.sleep(POLL_MS);
            child = plans.findById(subPlanId).orElse(null);
            if (child == null) {
                return new StepOutcome.Failed("Sub-plan " + subPlanId + " was deleted while it ran", null);
            }
            if (child.terminal()) {
                var result = json.createObjectNode().put("subPlanId", subPlanId).put("status", child.status())
                        .put("progress", child.progress());
                return child.status().equals("completed") ? new StepOutcome.Done(result, null)
                        : new StepOutcome.Failed("Sub-plan " + subPlanId + " ended " + child.status()
                                + (child.error() == null ? "" : ": " + child.error()), result);
            }
        }
    }

    /** Stops a sub-plan whose step timed out or whose parent was aborted. */
    void abandon(String userId, String subPlanId) {
        runs.abortQuietly(userId, subPlanId);
    }
}
