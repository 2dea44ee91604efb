package ownpilot.gateway.plans;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a failed step leads to. While it has retries left it goes back to pending, to run again after
 * a backoff of {@code retry-base-ms × 2^attempt} (at most 30 s). Then its {@code onFailure} decides:
 * {@code abort} (the default) fails the plan, {@code skip} marks the step skipped (its dependents may
 * run) and the plan goes on, a step id continues at that step (see {@link #jump}).
 */
@Component
class PlanFailures {

    static final long MAX_BACKOFF_MS = 30_000;

    private final PlanRepository plans;
    private final long retryBaseMs;

    PlanFailures(PlanRepository plans, @Value("${ownpilot.plans.retry-base-ms:1000}") long retryBaseMs) {
        this.plans = plans;
        this.retryBaseMs = retryBaseMs;
    }

    void fail(Plan plan, PlanStep step, String error, boolean mayRetry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", error);
        details.put("attempt", step.retryCount() + 1);
        if (mayRetry && step.retryCount() < step.maxRetries()) {
            long backoff = Math.min(MAX_BACKOFF_MS, retryBaseMs << Math.min(step.retryCount(), 20));
            plans.markStep(step.id(), "pending", null, error, step.retryCount() + 1, Instant.now().plusMillis(backoff),
                    null);
            details.put("retrying", true);
            details.put("retryInMs", backoff);
            plans.history(plan.userId(), plan.id(), step.id(), "step_failed", details);
            return;
        }
        String policy = step.onFailure() == null ? "abort" : step.onFailure();
        details.put("onFailure", policy);
        if (policy.equals("skip")) {
            plans.markStep(step.id(), "skipped", null, error, null, null, step.approvalId());
            plans.history(plan.userId(), plan.id(), step.id(), "step_failed", details);
            plans.refreshProgress(plan.id());
            return;
        }
        // a failure handed to another step is handled: skipped, so the plan can still complete
        plans.markStep(step.id(), policy.equals("abort") ? "failed" : "skipped", null, error, null, null,
                step.approvalId());
        plans.history(plan.userId(), plan.id(), step.id(), "step_failed", details);
        if (policy.equals("abort")) {
            failPlan(plan, "Step \"" + step.name() + "\" failed: " + error);
        } else {
            jump(plan, step, policy);
        }
    }

    void failPlan(Plan plan, String error) {
        plans.transition(plan.userId(), plan.id(), List.of("running"), "failed", error);
        plans.history(plan.userId(), plan.id(), null, "failed", Map.of("error", error));
        plans.refreshProgress(plan.id());
    }

    /**
     * Continues at {@code targetId}: forward, the pending steps in between are skipped; backward, the
     * target and every step after it run again (bounded by the plan's step-run budget).
     */
    void jump(Plan plan, PlanStep from, String targetId) {
        List<PlanStep> steps = plans.steps(plan.id());
        PlanStep target = steps.stream().filter(s -> s.id().equals(targetId)).findFirst().orElse(null);
        if (target == null) {
            failPlan(plan, "Step \"" + from.name() + "\" continues at " + targetId + ", which is not a step of this plan");
            return;
        }
        for (PlanStep s : steps) {
            boolean between = s.orderNum() > from.orderNum() && s.orderNum() < target.orderNum();
            if (target.orderNum() > from.orderNum() && between && s.status().equals("pending")) {
                plans.markStep(s.id(), "skipped", null, null, null, null, null);
            } else if (target.orderNum() <= from.orderNum() && s.orderNum() >= target.orderNum()
                    && !s.id().equals(from.id()) && !s.status().equals("pending")) {
                plans.markStep(s.id(), "pending", null, null, 0, null, null);
            }
        }
        if (!target.status().equals("pending")) {
            plans.markStep(target.id(), "pending", null, null, 0, null, null);
        }
        if (target.orderNum() <= from.orderNum() && !from.id().equals(target.id())
                && !from.status().equals("pending")) {
            plans.markStep(from.id(), "pending", null, null, 0, null, null);
        }
        plans.refreshProgress(plan.id());
    }
}
