package ownpilot.gateway.triggers;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** What Quartz runs at a trigger's fire time, on whichever replica acquired it. */
class TriggerJob implements Job {

    private final TriggerFiring firing;

    TriggerJob(TriggerFiring firing) {
        this.firing = firing;
    }

    @Override
    public void execute(JobExecutionContext context) {
        firing.scheduled(context.getJobDetail().getKey().getName(), context.getScheduledFireTime().toInstant());
    }
}
