package ownpilot.gateway.plans;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.autonomy.ApprovalDecided;
import ownpilot.gateway.autonomy.ApprovedCallRan;
import ownpilot.gateway.shared.Actor;

/**
 * A tool step waiting for approval goes on when the user decides: approved, the autonomy module runs
 * the call and its result completes the step; rejected or expired, the step fails (no retry: the
 * user said no) and its {@code onFailure} decides.
 */
@Component
class PlanApprovals {

    private final PlanRepository plans;
    private final PlanRuns runs;
    private final PlanFailures failures;

    PlanApprovals(PlanRepository plans, PlanRuns runs, PlanFailures failures) {
        this.plans = plans;
        this.runs = runs;
        this.failures = failures;
    }

    /**
     * The step waiting on the approval. A user quick enough can decide before the worker has marked
     * the step waiting: while a step of that plan is still running, the listener fails and the event
     * registry retries it shortly.
     */
    private java.util.Optional<PlanStep> waitingStep(String approvalId, String planId) {
        java.util.Optional<PlanStep> step = plans.stepWaitingOn(approvalId);
        if (step.isEmpty() && planId != null
                && plans.steps(planId).stream().anyMatch(s -> s.status().equals("running"))) {
            throw new IllegalStateException("Plan " + planId + " has not marked its step waiting yet; retried");
        }
        return step;
    }

    @ApplicationModuleListener
    void on(ApprovedCallRan e) {
        if (e.actor().type() != Actor.Type.plan) {
            return;
        }
        waitingStep(e.approvalId(), e.actor().id()).ifPresent(step -> runs.approvalResolved(step, true, e.result(),
                e.failed() ? "The approved call failed: " + e.result() : null, failures));
    }

    @ApplicationModuleListener
    void on(ApprovalDecided e) {
        if (e.decision() == ApprovalDecided.Decision.approved) {
            return;
        }
        // the actor is who decided (the user, or the gateway for an expiry), not the plan
        plans.stepWaitingOn(e.approvalId()).ifPresent(step -> runs.approvalResolved(step, false, null,
                "The call was " + e.decision().name() + (e.reason() == null ? "" : ": " + e.reason()), failures));
    }
}
