package ownpilot.gateway.plans;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.SafeExpressions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans and their steps. A running plan's steps cannot be changed (pause it first); dependencies name
 * steps of the same plan; a sub-plan may not lead back to its own plan.
 */
@Service
class PlanService {

    static final int MAX_SUB_PLAN_DEPTH = 5;

    private final PlanRepository plans;
    private final SafeExpressions expressions;
    private final JsonMapper json;

    PlanService(PlanRepository plans, SafeExpressions expressions, JsonMapper json) {
        this.plans = plans;
        this.expressions = expressions;
        this.json = json;
    }

    @Transactional
    Plan create(String userId, JsonNode body) {
        Plan plan = plans.insert(userId, Ids.prefixed("plan"), PlanInput.plan(body, null, json));
        JsonNode steps = body.get("steps");
        if (steps != null && steps.isArray()) {
            if (steps.size() > PlanInput.MAX_STEPS) {
                throw ApiException.validation("steps", "at most " + PlanInput.MAX_STEPS + " steps");
            }
            int order = 0;
            for (JsonNode step : steps) {
                addStep(userId, plan.id(), step, order++);
            }
            return get(userId, plan.id());
        }
        return plan;
    }

    Plan get(String userId, String id) {
        return plans.find(userId, id).orElseThrow(() -> notFound("Plan", id));
    }

    @Transactional
    Plan update(String userId, String id, JsonNode body) {
        Plan current = get(userId, id);
        return plans.update(userId, id, PlanInput.plan(body, current, json)).orElseThrow(() -> notFound("Plan", id));
    }

    void delete(String userId, String id) {
        if (!plans.delete(userId, id)) {
            throw notFound("Plan", id);
        }
    }

    List<PlanStep> steps(String userId, String planId) {
        get(userId, planId);
        return plans.steps(planId);
    }

    PlanStep step(String userId, String planId, String stepId) {
        get(userId, planId);
        return plans.step(planId, stepId).orElseThrow(() -> notFound("Step", stepId));
    }

    @Transactional
    PlanStep addStep(String userId, String planId, JsonNode body) {
        Plan plan = editable(userId, planId);
        List<PlanStep> steps = plans.steps(plan.id());
        if (steps.size() >= PlanInput.MAX_STEPS) {
            throw ApiException.validation("steps", "a plan has at most " + PlanInput.MAX_STEPS + " steps");
        }
        return addStep(userId, planId, body, steps.isEmpty() ? 0 : steps.getLast().orderNum() + 1);
    }

    private PlanStep addStep(String userId, String planId, JsonNode body, int nextOrder) {
        PlanInput.StepValues v = PlanInput.step(body, null, nextOrder, json);
        checkStep(userId, planId, null, v);
        PlanStep saved = plans.insertStep(userId, planId, v);
        plans.refreshProgress(planId);
        return saved;
    }

    @Transactional
    PlanStep updateStep(String userId, String planId, String stepId, JsonNode body) {
        editable(userId, planId);
        PlanStep current = step(userId, planId, stepId);
        PlanInput.StepValues v = PlanInput.step(body, current, current.orderNum(), json);
        checkStep(userId, planId, stepId, v);
        return plans.updateStep(planId, stepId, v).orElseThrow(() -> notFound("Step", stepId));
    }

    @Transactional
    void deleteStep(String userId, String planId, String stepId) {
        editable(userId, planId);
        if (!plans.deleteStep(planId, stepId)) {
            throw notFound("Step", stepId);
        }
        plans.refreshProgress(planId);
    }

    private Plan editable(String userId, String planId) {
        Plan plan = get(userId, planId);
        if (plan.status().equals("running")) {
            throw new ApiException(HttpStatus.CONFLICT, "PLAN_RUNNING",
                    "Plan " + planId + " is running; pause it before changing its steps");
        }
        return plan;
    }

    private void checkStep(String userId, String planId, String stepId, PlanInput.StepValues v) {
        Set<String> ids = new HashSet<>();
        plans.steps(planId).forEach(s -> ids.add(s.id()));
        for (String dep : v.dependencies()) {
            if (!ids.contains(dep) || dep.equals(stepId)) {
                throw ApiException.validation("dependencies", "must name other steps of this plan; " + dep + " is not one");
            }
        }
        for (String target : new String[] {v.onFailure(), v.config().path("trueStep").asString(null),
                v.config().path("falseStep").asString(null)}) {
            if (target != null && !List.of("abort", "skip").contains(target) && !ids.contains(target)) {
                throw ApiException.validation("config", "a branch or onFailure must name a step of this plan: " + target);
            }
        }
        if (v.type().equals("condition")) {
            expressions.check("config.condition", v.config().path("condition").asString());
        }
        if (v.type().equals("loop") && v.config().hasNonNull("condition")) {
            expressions.check("config.condition", v.config().path("condition").asString());
        }
        if (v.type().equals("sub_plan")) {
            checkSubPlan(userId, planId, v.config().path("subPlanId").asString());
        }
        if (stepId != null) {
            checkDependencyCycle(planId, stepId, v.dependencies());
        }
    }

    /** Refuses a sub-plan that is this plan, or whose sub-plans lead back to it (409 {@code PLAN_CYCLE}). */
    private void checkSubPlan(String userId, String planId, String subPlanId) {
        get(userId, subPlanId);
        Deque<String> todo = new ArrayDeque<>(List.of(subPlanId));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(planId)) {
                throw new ApiException(HttpStatus.CONFLICT, "PLAN_CYCLE",
                        "Plan " + subPlanId + " leads back to plan " + planId + " through its sub-plans");
            }
            if (seen.add(next) && seen.size() <= 1000) {
                plans.steps(next).stream().filter(s -> s.type().equals("sub_plan"))
                        .forEach(s -> todo.push(s.config().path("subPlanId").asString()));
            }
        }
    }

    /** A changed step's dependencies must not reach back to the step itself. */
    private void checkDependencyCycle(String planId, String stepId, List<String> dependencies) {
        java.util.Map<String, List<String>> graph = new java.util.HashMap<>();
        plans.steps(planId).forEach(s -> graph.put(s.id(), s.dependencies()));
        graph.put(stepId, dependencies);
        Deque<String> todo = new ArrayDeque<>(dependencies);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(stepId)) {
                throw new ApiException(HttpStatus.CONFLICT, "STEP_CYCLE", "Step " + stepId + " would depend on itself");
            }
            if (seen.add(next)) {
                todo.addAll(graph.getOrDefault(next, List.of()));
            }
        }
    }

    static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found: " + id);
    }
}
