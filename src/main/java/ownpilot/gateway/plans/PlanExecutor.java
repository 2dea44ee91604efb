package ownpilot.gateway.plans;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ownpilot.gateway.llm.Cancellation;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.Ids;

/**
 * Runs one claimed plan step by step while this worker holds its lease. Before every step it re-reads
 * the plan (paused, aborted, deleted or taken over: it stops); during a step it renews the lease every
 * 2 s and cancels the step on an abort or at the step's timeout (the step's thread is interrupted and
 * its model call cancelled). A step found {@code running} was interrupted by a crash: it runs again
 * only if it is safe to (declared {@code retrySafe}, or a type without side effects), else it fails
 * as interrupted and its {@code onFailure} decides.
 */
@Component
class PlanExecutor {

    private static final Logger log = LoggerFactory.getLogger(PlanExecutor.class);

    static final int MAX_STEP_RUNS = 1000;
    static final long HEARTBEAT_MS = 2000;
    static final Set<String> SAFE_TO_REPEAT = Set.of("condition", "llm_decision", "user_input", "sub_plan");

    private final PlanRepository plans;
    private final PlanLeases leases;
    private final PlanSteps steps;
    private final PlanFailures failures;
    private final SubPlans subPlans;
    private final int leaseSeconds;
    private final long defaultTimeoutMs;
    private final ExecutorService stepThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final TransactionTemplate transactions;

    PlanExecutor(PlanRepository plans, PlanLeases leases, PlanSteps steps, PlanFailures failures, SubPlans subPlans,
            TransactionTemplate transactions,
            @Value("${ownpilot.plans.lease-seconds:30}") int leaseSeconds,
            @Value("${ownpilot.plans.step-timeout-ms:60000}") long defaultTimeoutMs) {
        this.transactions = transactions;
        this.plans = plans;
        this.leases = leases;
        this.steps = steps;
        this.failures = failures;
        this.subPlans = subPlans;
        this.leaseSeconds = leaseSeconds;
        this.defaultTimeoutMs = defaultTimeoutMs;
    }

    void run(String planId, String owner) {
        try {
            for (int guard = 0; guard <= MAX_STEP_RUNS + 10; guard++) {
                if (!advance(planId, owner)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Plan {} stopped on an error; its lease runs out and a worker takes it over", planId, e);
        } finally {
            leases.release(planId, owner);
        }
    }

    /** One move of the run; false when the run stops here (ended, paused, waiting, lost). */
    private boolean advance(String planId, String owner) {
        Optional<String> status = leases.renew(planId, owner, leaseSeconds);
        if (status.isEmpty() || !status.get().equals("running")) {
            return false;
        }
        Plan plan = plans.findById(planId).orElse(null);
        if (plan == null || plan.waitingFor() != null) {
            return false;
        }
        List<PlanStep> all = plans.steps(planId);
        Optional<PlanStep> interrupted = all.stream().filter(s -> s.status().equals("running")).findFirst();
        if (interrupted.isPresent()) {
            recover(plan, interrupted.get());
            return true;
        }
        if (all.stream().noneMatch(s -> s.status().equals("pending"))) {
            finish(plan, all);
            return false;
        }
        Set<String> done = all.stream().filter(PlanStep::done).map(PlanStep::id).collect(Collectors.toSet());
        List<PlanStep> ready = all.stream().filter(s -> s.status().equals("pending") && done.containsAll(s.dependencies()))
                .toList();
        if (ready.isEmpty()) {
            deadlock(plan, all);
            return false;
        }
        Instant now = Instant.now();
        Optional<PlanStep> next = ready.stream().filter(s -> s.notBefore() == null || !Instant.parse(s.notBefore()).isAfter(now))
                .findFirst();
        if (next.isEmpty()) {
            sleepUntil(ready.stream().map(s -> Instant.parse(s.notBefore())).min(Instant::compareTo).orElse(now));
            return true;
        }
        if (leases.stepRuns(planId) >= MAX_STEP_RUNS) {
            failures.failPlan(plan, "The plan ran " + MAX_STEP_RUNS + " steps without ending; stopped");
            return false;
        }
        return runStep(plan, next.get(), all, owner);
    }

    private boolean runStep(Plan plan, PlanStep step, List<PlanStep> all, String owner) {
        // each transition's writes in one commit (one fsync), never across the step's own work
        transactions.executeWithoutResult(tx -> {
            plans.markStep(step.id(), "running", null, null, null, null, null);
            leases.countStepRun(plan.id());
            plans.history(plan.userId(), plan.id(), step.id(), "step_started", Map.of("attempt", step.retryCount() + 1,
                    "type", step.type()));
        });
        Actor actor = new Actor(plan.userId(), Actor.Type.plan, plan.id(), Ids.prefixed("run"));
        StepOutcome outcome = attempt(new PlanSteps.Context(plan, step, all, actor, new Cancellation()), owner);
        Boolean goesOn = transactions.execute(tx -> record(plan, step, outcome));
        return Boolean.TRUE.equals(goesOn);
    }

    private boolean record(Plan plan, PlanStep step, StepOutcome outcome) {
        switch (outcome) {
            case StepOutcome.Done d -> {
                plans.markStep(step.id(), "completed", d.result(), null, null, null, step.approvalId());
                plans.history(plan.userId(), plan.id(), step.id(), "step_completed", Map.of());
                if (d.jumpTo() != null) {
                    failures.jump(plan, step, d.jumpTo());
                }
                plans.refreshProgress(plan.id());
            }
            case StepOutcome.Waiting w -> {
                plans.markStep(step.id(), "waiting", null, null, null, null, w.approvalId());
                plans.setWaiting(plan.id(), w.details());
                plans.history(plan.userId(), plan.id(), step.id(), "step_started", Map.of("waiting", w.kind()));
                return false;
            }
            case StepOutcome.Failed f -> failures.fail(plan, step, f.error(), true);
            case StepOutcome.Aborted a -> {
                plans.markStep(step.id(), "failed", null, "Aborted while running", null, null, null);
                return false;
            }
        }
        return true;
    }

    /** The step on a thread of its own, with the heartbeat and the timeout around it. */
    private StepOutcome attempt(PlanSteps.Context ctx, String owner) {
        long timeout = ctx.step().timeoutMs() != null ? ctx.step().timeoutMs()
                : ctx.step().type().equals("sub_plan") ? Math.max(defaultTimeoutMs, 600_000)
                : ctx.plan().timeoutMs() != null ? ctx.plan().timeoutMs() : defaultTimeoutMs;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        Future<StepOutcome> work = stepThreads.submit(() -> steps.run(ctx));
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                return work.get(Math.max(1, Math.min(HEARTBEAT_MS, left)), TimeUnit.MILLISECONDS);
            } catch (TimeoutException tick) {
                if (System.nanoTime() >= deadline) {
                    stop(ctx, work);
                    return new StepOutcome.Failed("Step timed out after " + timeout + " ms", null);
                }
                Optional<String> status = leases.renew(ctx.plan().id(), owner, leaseSeconds);
                if (status.isEmpty() || status.get().equals("cancelled")) {
                    stop(ctx, work);
                    return new StepOutcome.Aborted();
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                log.debug("Step {} failed", ctx.step().id(), cause);
                return new StepOutcome.Failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
            } catch (InterruptedException e) {
                // the gateway is stopping: the step stays running, and whoever claims the plan next recovers it
                stop(ctx, work);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The plan worker is stopping");
            }
        }
    }

    private void stop(PlanSteps.Context ctx, Future<StepOutcome> work) {
        ctx.cancellation().cancel();
        work.cancel(true);
        if (ctx.step().type().equals("sub_plan")) {
            subPlans.abandon(ctx.plan().userId(), ctx.step().config().path("subPlanId").asString());
        }
    }

    private void recover(Plan plan, PlanStep step) {
        if (step.retrySafe() || SAFE_TO_REPEAT.contains(step.type())) {
            plans.markStep(step.id(), "pending", null, "Interrupted by a restart; runs again (safe to retry)", null,
                    null, null);
            plans.history(plan.userId(), plan.id(), step.id(), "step_failed", Map.of("interrupted", true,
                    "retrying", true));
        } else {
            failures.fail(plan, step, "Interrupted by a restart while running; not declared safe to retry "
                    + "(retrySafe), so it was not run again", false);
        }
    }

    private void finish(Plan plan, List<PlanStep> all) {
        boolean failed = all.stream().anyMatch(s -> s.status().equals("failed"));
        if (failed) {
            failures.failPlan(plan, "Steps failed: " + all.stream().filter(s -> s.status().equals("failed"))
                    .map(PlanStep::name).collect(Collectors.joining(", ")));
            return;
        }
        plans.transition(plan.userId(), plan.id(), List.of("running"), "completed", null);
        plans.refreshProgress(plan.id());
        plans.history(plan.userId(), plan.id(), null, "completed", Map.of("steps", all.size()));
    }

    private void deadlock(Plan plan, List<PlanStep> all) {
        all.stream().filter(s -> s.status().equals("pending"))
                .forEach(s -> plans.markStep(s.id(), "blocked", null, "Its dependencies can no longer complete", null,
                        null, null));
        failures.failPlan(plan, "Dependency deadlock: all pending steps have unmet dependencies");
    }

    private static void sleepUntil(Instant when) {
        long ms = Math.min(HEARTBEAT_MS, Math.max(10, when.toEpochMilli() - System.currentTimeMillis()));
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
