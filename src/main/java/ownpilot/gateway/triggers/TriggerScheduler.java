package ownpilot.gateway.triggers;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.ApiException;

/**
 * Keeps Quartz's JDBC job store in step with the triggers table: one job per enabled schedule or
 * condition trigger, named by the trigger's id. The store is clustered, so with several replicas each
 * fire happens on one of them. Misfires (the gateway was down at fire time): a schedule fires once to
 * catch up and then follows its cron; a condition check skips the missed checks and runs at its next.
 */
@Component
class TriggerScheduler {

    private static final Logger log = LoggerFactory.getLogger(TriggerScheduler.class);

    static final String GROUP = "triggers";
    static final int MAX_SCHEDULED = 100_000;

    record Node(String instanceId, String lastCheckin, long checkinIntervalMs) {}

    record EngineStatus(boolean running, boolean standby, String instanceId, boolean clustered, int threads,
            int jobsExecutedHere, int scheduledJobs, List<Node> nodes, String misfirePolicy) {}

    private final Scheduler scheduler;
    private final TriggerRepository triggers;
    private final JdbcClient jdbc;

    TriggerScheduler(Scheduler scheduler, TriggerRepository triggers, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.triggers = triggers;
        this.jdbc = jdbc;
    }

    /** Schedules (or reschedules) a trigger; a disabled or unscheduled type drops its job. */
    void apply(Trigger trigger) {
        if (!trigger.enabled() || !(trigger.type().equals("schedule") || trigger.type().equals("condition"))) {
            unschedule(trigger.id());
            return;
        }
        JobDetail job = JobBuilder.newJob(TriggerJob.class).withIdentity(trigger.id(), GROUP)
                .usingJobData("userId", trigger.userId()).build();
        TriggerBuilder<org.quartz.Trigger> builder = TriggerBuilder.newTrigger().withIdentity(trigger.id(), GROUP)
                .withPriority(trigger.priority());
        org.quartz.Trigger quartz;
        if (trigger.type().equals("schedule")) {
            CronSchedule cron = schedule(trigger);
            quartz = builder.withSchedule(CronScheduleBuilder.cronSchedule(cron.expression())
                    .inTimeZone(java.util.TimeZone.getTimeZone(cron.zone())).withMisfireHandlingInstructionFireAndProceed())
                    .build();
        } else {
            int seconds = TriggerConditions.intervalSeconds(trigger.config());
            quartz = builder.startAt(Date.from(Instant.now().plusSeconds(seconds)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInSeconds(seconds).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
        try {
            scheduler.scheduleJob(job, Set.of(quartz), true);
        } catch (SchedulerException e) {
            throw unavailable("Quartz could not store the schedule of trigger " + trigger.id(), e);
        }
    }

    /** The job store is the database: when Quartz cannot reach it, the change is refused as a 503, not a 500. */
    private static ApiException unavailable(String message, SchedulerException cause) {
        log.warn("{}: {}", message, cause.getMessage());
        return new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "SCHEDULER_UNAVAILABLE",
                message + "; try again once the database is reachable");
    }

    static CronSchedule schedule(Trigger trigger) {
        return CronSchedule.parse(trigger.config().path("cron").asString(),
                ZoneId.of(trigger.config().path("timezone").asString("UTC")));
    }

    void unschedule(String triggerId) {
        try {
            scheduler.deleteJob(JobKey.jobKey(triggerId, GROUP));
        } catch (SchedulerException e) {
            throw unavailable("Quartz could not drop the job of trigger " + triggerId, e);
        }
    }

    /** Quartz's next fire time of a trigger's job, null when it has none. */
    Instant nextFire(String triggerId) {
        try {
            org.quartz.Trigger quartz = scheduler.getTrigger(TriggerKey.triggerKey(triggerId, GROUP));
            return quartz == null || quartz.getNextFireTime() == null ? null : quartz.getNextFireTime().toInstant();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * At start, jobs for enabled triggers that have none (a database restored from a backup, a trigger
     * stored before Quartz ran) and no jobs for triggers that are gone or disabled.
     */
    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        try {
            Set<JobKey> jobs = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
            Set<String> wanted = new java.util.HashSet<>();
            for (Trigger trigger : triggers.scheduled(MAX_SCHEDULED)) {
                wanted.add(trigger.id());
                if (!jobs.contains(JobKey.jobKey(trigger.id(), GROUP))) {
                    apply(trigger);
                }
            }
            for (JobKey job : jobs) {
                if (!wanted.contains(job.getName())) {
                    scheduler.deleteJob(job);
                }
            }
        } catch (SchedulerException | RuntimeException e) {
            log.warn("Trigger schedules could not be reconciled with Quartz", e);
        }
    }

    void start() throws SchedulerException {
        scheduler.start();
    }

    void standby() throws SchedulerException {
        scheduler.standby();
    }

    EngineStatus status() {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            List<Node> nodes = jdbc.sql("SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state "
                    + "ORDER BY instance_name").query((rs, n) -> new Node(rs.getString(1),
                            Instant.ofEpochMilli(rs.getLong(2)).toString(), rs.getLong(3))).list();
            int jobs = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).size();
            return new EngineStatus(meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown(),
                    meta.isInStandbyMode(), meta.getSchedulerInstanceId(), meta.isJobStoreClustered(),
                    meta.getThreadPoolSize(), meta.getNumberOfJobsExecuted(), jobs, nodes,
                    "schedule: one catch-up fire after downtime, then on time; condition: missed checks are skipped");
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
