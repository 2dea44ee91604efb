package ownpilot.gateway.plans;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.PgNotifications;

/**
 * This replica's plan workers: every {@code poll-ms}, and at once when a run is started or resumed
 * here or on another replica, they claim runnable plans (running, not waiting, lease free or
 * expired) with {@code FOR UPDATE SKIP LOCKED}, at most {@code workers} at a time, and run each on a
 * virtual thread. A run a crashed replica held is claimed again once its lease ran out.
 */
@Component
class PlanWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlanWorker.class);

    record Status(String instanceId, int workers, int busy, List<String> runningHere, List<PlanLeases.Lease> leases,
            long pollMs, int leaseSeconds) {}

    private final PlanLeases leases;
    private final PlanExecutor executor;
    private final PgNotifications notifications;
    private final int workers;
    private final int leaseSeconds;
    private final long pollMs;
    private final String owner = "worker-" + Ids.uuid().substring(0, 8);
    private final Semaphore slots;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("plan-poll").factory());
    private final AtomicBoolean polling = new AtomicBoolean();

    PlanWorker(PlanLeases leases, PlanExecutor executor, PgNotifications notifications,
            @Value("${ownpilot.plans.workers:4}") int workers, @Value("${ownpilot.plans.lease-seconds:30}") int leaseSeconds,
            @Value("${ownpilot.plans.poll-ms:2000}") long pollMs) {
        this.leases = leases;
        this.executor = executor;
        this.notifications = notifications;
        this.workers = Math.max(1, workers);
        this.leaseSeconds = leaseSeconds;
        this.pollMs = pollMs;
        this.slots = new Semaphore(this.workers);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        notifications.subscribe(PlanRuns.CHANNEL, planId -> wake());
        ticker.scheduleWithFixedDelay(this::poll, 0, pollMs, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void on(PlanRuns.Woken woken) {
        wake();
    }

    private void wake() {
        ticker.execute(this::poll);
    }

    private void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            int free = slots.availablePermits();
            if (free == 0) {
                return;
            }
            for (String planId : leases.claim(owner, leaseSeconds, free)) {
                slots.acquireUninterruptibly();
                runningHere.add(planId);
                runs.execute(() -> {
                    try {
                        executor.run(planId, owner);
                    } finally {
                        runningHere.remove(planId);
                        slots.release();
                        wake();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.debug("Plan poll failed: {}", e.toString());
        } finally {
            polling.set(false);
        }
    }

    Status status() {
        return new Status(owner, workers, workers - slots.availablePermits(), List.copyOf(runningHere), leases.leases(),
                pollMs, leaseSeconds);
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        runs.shutdownNow();
    }
}
