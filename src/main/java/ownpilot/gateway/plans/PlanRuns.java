package ownpilot.gateway.plans;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AfterCommit;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.PgNotifications;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts, pauses, resumes and aborts plan runs, from any request on any replica: each is a change of
 * the plan's row, which the worker holding the run reads before every step (and every 2 s while a
 * step runs, so an abort cancels the running step). After the commit, the workers of every replica
 * are woken to claim what became runnable.
 */
@Service
public class PlanRuns {

    static final String CHANNEL = "plan_runs";

    /** What a trigger's {@code plan} action gets back. */
    public record Started(String planId, String status, String message) {}

    /** Wakes this replica's workers (in-process); other replicas hear it through {@link PgNotifications}. */
    record Woken(String planId) {}

    private final PlanRepository plans;
    private final PlanService service;
    private final PgNotifications notifications;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;

    PlanRuns(PlanRepository plans, PlanService service, PgNotifications notifications,
            ApplicationEventPublisher publisher, JsonMapper json) {
        this.plans = plans;
        this.service = service;
        this.notifications = notifications;
        this.publisher = publisher;
        this.json = json;
    }

    /** Starts a plan for a trigger (or another background caller), as {@code POST /plans/:id/execute} would. */
    @Transactional
    public Started start(Actor actor, String planId) {
        Plan plan = execute(actor.userId(), planId);
        return new Started(plan.id(), plan.status(), "Plan run started.");
    }

    /**
     * A pending plan starts; a finished one (completed, failed, cancelled) runs again from its first
     * step. A running plan is 409 {@code ALREADY_RUNNING}, a paused one 409 {@code PLAN_PAUSED}.
     */
    @Transactional
    Plan execute(String userId, String id) {
        Plan plan = service.get(userId, id);
        switch (plan.status()) {
            case "running" -> throw new ApiException(HttpStatus.CONFLICT, "ALREADY_RUNNING", "Plan " + id + " is running");
            case "paused" -> throw new ApiException(HttpStatus.CONFLICT, "PLAN_PAUSED",
                    "Plan " + id + " is paused; resume it instead");
            default -> { }
        }
        if (plans.steps(id).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "NO_STEPS", "Plan " + id + " has no steps to run");
        }
        if (plan.terminal()) {
            plans.resetSteps(id, false, List.of());
        }
        Plan started = plans.transition(userId, id, List.of("pending", "completed", "failed", "cancelled"), "running",
                null).orElseThrow(() -> changedMeanwhile(id));
        plans.history(userId, id, null, "started", Map.of("totalSteps", started.totalSteps()));
        wake(id);
        return started;
    }

    @Transactional
    Plan pause(String userId, String id) {
        service.get(userId, id);
        Plan paused = plans.transition(userId, id, List.of("running"), "paused", null)
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "NOT_RUNNING", "Plan " + id + " is not running"));
        plans.history(userId, id, null, "paused", Map.of());
        return paused;
    }

    @Transactional
    Plan resume(String userId, String id) {
        service.get(userId, id);
        Plan resumed = plans.transition(userId, id, List.of("paused"), "running", null)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "NOT_PAUSED", "Plan " + id + " is not paused"));
        plans.history(userId, id, null, "resumed", Map.of());
        wake(id);
        return resumed;
    }

    @Transactional
    Plan abort(String userId, String id) {
        service.get(userId, id);
        Plan aborted = plans.transition(userId, id, List.of("pending", "running", "paused"), "cancelled",
                "Aborted by the user").orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "NOT_ACTIVE",
                        "Plan " + id + " has already ended"));
        for (PlanStep step : plans.steps(id)) {
            if (step.status().equals("waiting")) {
                plans.markStep(step.id(), "failed", null, "Aborted while waiting", null, null, step.approvalId());
            }
        }
        plans.setWaiting(id, null);
        plans.history(userId, id, null, "cancelled", Map.of("reason", "aborted"));
        return plans.findById(id).orElse(aborted);
    }

    /** Called through the proxy, so the abort's writes (this.abort skips it) commit together. */
    @Transactional
    void abortQuietly(String userId, String id) {
        try {
            abort(userId, id);
        } catch (ApiException ended) {
            // already over: nothing to stop
        }
    }

    @Transactional
    Plan checkpoint(String userId, String id, JsonNode data) {
        Plan plan = service.get(userId, id);
        ObjectNode checkpoint = json.createObjectNode().put("timestamp", Instant.now().toString());
        checkpoint.set("data", data == null ? json.nullNode() : data);
        checkpoint.set("completedSteps", json.valueToTree(plans.steps(id).stream().filter(PlanStep::done)
                .map(PlanStep::id).toList()));
        plans.setCheckpoint(id, checkpoint);
        plans.history(userId, id, null, "checkpoint", Map.of("timestamp", checkpoint.path("timestamp").asString()));
        return plans.findById(plan.id()).orElseThrow();
    }

    /** Back to the checkpoint: the steps done since go back to pending and the plan waits to be executed. */
    @Transactional
    Plan rollback(String userId, String id) {
        Plan plan = service.get(userId, id);
        if (plan.checkpoint() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "NO_CHECKPOINT", "Plan " + id + " has no checkpoint");
        }
        if (plan.status().equals("running")) {
            throw new ApiException(HttpStatus.CONFLICT, "PLAN_RUNNING", "Pause or abort plan " + id + " before rolling back");
        }
        List<String> keep = new java.util.ArrayList<>();
        json.readTree(plan.checkpoint().json()).path("completedSteps").forEach(s -> keep.add(s.asString()));
        plans.resetSteps(id, true, keep);
        plans.transition(userId, id, List.of("pending", "paused", "completed", "failed", "cancelled"), "pending", null);
        plans.history(userId, id, null, "rollback", Map.of("kept", keep.size()));
        return plans.findById(id).orElseThrow();
    }

    /** The user's answer to a {@code user_input} step: checked against its input type, then the run goes on. */
    @Transactional
    PlanStep answer(String userId, String planId, String stepId, JsonNode answer) {
        PlanStep step = service.step(userId, planId, stepId);
        if (!step.type().equals("user_input") || !step.status().equals("waiting")) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_WAITING", "Step " + stepId + " is not waiting for an answer");
        }
        JsonNode value = checkedAnswer(step, answer);
        ObjectNode result = json.createObjectNode();
        result.set("answer", value);
        plans.markStep(stepId, "completed", result, null, null, null, null);
        plans.history(userId, planId, stepId, "step_completed", Map.of("answered", true));
        plans.setWaiting(planId, null);
        plans.refreshProgress(planId);
        wake(planId);
        return plans.step(planId, stepId).orElseThrow();
    }

    private static JsonNode checkedAnswer(PlanStep step, JsonNode answer) {
        String type = step.config().path("inputType").asString("text");
        boolean ok = switch (type) {
            case "confirm" -> answer != null && answer.isBoolean();
            case "choice" -> answer != null && answer.isString() && step.config().path("options").values().stream()
                    .anyMatch(o -> o.asString().equals(answer.asString()));
            default -> answer != null && answer.isString() && !answer.asString().isBlank()
                    && answer.asString().length() <= 10_000;
        };
        if (!ok) {
            throw ApiException.validation("answer", switch (type) {
                case "confirm" -> "must be true or false";
                case "choice" -> "must be one of " + step.config().path("options");
                default -> "must be a text of 1 to 10,000 characters";
            });
        }
        return answer;
    }

    /** A waiting step's approval was decided: the approved call's result, or why it did not run. */
    @Transactional
    void approvalResolved(PlanStep step, boolean ran, JsonNode result, String error, PlanFailures failures) {
        Plan plan = plans.findById(step.planId()).orElse(null);
        if (plan == null || plan.terminal()) {
            return;
        }
        plans.setWaiting(plan.id(), null);
        if (ran && error == null) {
            plans.markStep(step.id(), "completed", result, null, null, null, step.approvalId());
            plans.history(plan.userId(), plan.id(), step.id(), "step_completed", Map.of("approved", true));
            plans.refreshProgress(plan.id());
        } else {
            failures.fail(plan, step, error, false);
        }
        wake(plan.id());
    }

    void wake(String planId) {
        AfterCommit.run(() -> {
            publisher.publishEvent(new Woken(planId));
            notifications.send(CHANNEL, planId);
        });
    }

    private static ApiException changedMeanwhile(String id) {
        return new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Plan " + id + " changed meanwhile; try again");
    }
}
