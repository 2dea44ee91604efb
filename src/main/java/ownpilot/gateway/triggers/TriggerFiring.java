package ownpilot.gateway.triggers;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.SafeExpressions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fires a trigger: claims the fire's key (a scheduled time, an event, a webhook delivery) so that a
 * second delivery fires nothing, runs the action as the trigger's actor, and writes the history entry
 * and the trigger's counters. A crash during the action leaves the key claimed: the fire is not
 * repeated (at most once), and the history has no entry for it.
 */
@Service
class TriggerFiring {

    private static final Logger log = LoggerFactory.getLogger(TriggerFiring.class);

    /** One fire's outcome; {@code firedAt} is when the action started. */
    record Fired(String historyId, String triggerId, String status, JsonNode result, String error, long durationMs,
            String firedAt) {}

    private final TriggerRepository triggers;
    private final TriggerActions actions;
    private final TriggerConditions conditions;
    private final TriggerScheduler scheduler;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    TriggerFiring(TriggerRepository triggers, TriggerActions actions, TriggerConditions conditions,
            TriggerScheduler scheduler, JsonMapper json, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.triggers = triggers;
        this.actions = actions;
        this.conditions = conditions;
        this.scheduler = scheduler;
        this.json = json;
    }

    /** Quartz's fire of a schedule (at {@code scheduledFor}) or of a condition check. */
    void scheduled(String triggerId, Instant scheduledFor) {
        Trigger trigger = triggers.findAnyUser(triggerId).orElse(null);
        if (trigger == null) {
            scheduler.unschedule(triggerId);
            return;
        }
        if (!trigger.enabled()) {
            return;
        }
        String key = trigger.type() + ":" + scheduledFor.toEpochMilli();
        if (trigger.type().equals("schedule")) {
            fire(trigger, "schedule", null, scheduledFor, key);
        } else if (trigger.type().equals("condition")) {
            checkCondition(trigger, scheduledFor, key);
        }
    }

    private void checkCondition(Trigger trigger, Instant scheduledFor, String key) {
        TriggerConditions.Evaluation evaluation;
        try {
            evaluation = conditions.evaluate(trigger.userId(), trigger.config());
        } catch (SafeExpressions.ExpressionFailed e) {
            record(trigger, "condition", scheduledFor, Instant.now(), new TriggerActions.Outcome("failure", null,
                    e.getMessage()), 0);
            return;
        }
        if (!evaluation.holds()) {
            return;
        }
        Instant last = trigger.lastFired() == null ? null : Instant.parse(trigger.lastFired());
        if (last != null && last.plusSeconds(TriggerConditions.minGapSeconds(trigger.config())).isAfter(scheduledFor)) {
            return;
        }
        fire(trigger, "condition", json.valueToTree(evaluation.values()), scheduledFor, key);
    }

    /**
     * Fires once per {@code key} (null: always, a manual fire); {@code context} is what the action is
     * told about the cause (an event's or a webhook's payload, a condition's values).
     */
    Fired fire(Trigger trigger, String cause, JsonNode context, Instant scheduledFor, String key) {
        if (key != null && !triggers.claim(trigger.id(), key)) {
            return null;
        }
        Actor actor = new Actor(trigger.userId(), Actor.Type.trigger, trigger.id(), Ids.prefixed("fire"));
        Instant started = Instant.now();
        long clock = System.nanoTime();
        TriggerActions.Outcome outcome;
        try {
            outcome = actions.run(trigger, actor, withCause(trigger, cause, context));
        } catch (RuntimeException e) {
            log.warn("Trigger {} failed", trigger.id(), e);
            outcome = TriggerActions.Outcome.failure("The action failed unexpectedly (" + e.getClass().getSimpleName()
                    + ")", null);
        }
        long duration = (System.nanoTime() - clock) / 1_000_000;
        Instant next = nextFire(trigger);
        TriggerActions.Outcome done = outcome;
        // the history row and the counters in one commit: one fsync per fire less
        String id = transactions.execute(tx -> {
            String entry = record(trigger, cause, scheduledFor, started, done, duration);
            triggers.recordFire(trigger.id(), next);
            return entry;
        });
        return new Fired(id, trigger.id(), outcome.status(), outcome.result(), outcome.error(), duration,
                started.toString());
    }

    private String record(Trigger trigger, String cause, Instant scheduledFor, Instant started,
            TriggerActions.Outcome outcome, long duration) {
        String id = Ids.prefixed("hist");
        triggers.insertHistory(id, trigger, cause, scheduledFor, started, outcome.status(), outcome.result(),
                outcome.error(), duration);
        return id;
    }

    private JsonNode withCause(Trigger trigger, String cause, JsonNode context) {
        ObjectNode all = json.createObjectNode().put("triggerId", trigger.id()).put("triggerName", trigger.name())
                .put("cause", cause);
        if (cause.equals("manual")) {
            all.put("manual", true);
        }
        if (context != null && !context.isNull()) {
            all.set("data", context);
        }
        return all;
    }

    /** A schedule's next fire time, a condition's next check; null for the others. */
    Instant nextFire(Trigger trigger) {
        return switch (trigger.type()) {
            case "schedule" -> {
                List<Instant> next = TriggerScheduler.schedule(trigger).next(Instant.now(), 1);
                yield next.isEmpty() ? null : next.getFirst();
            }
            case "condition" -> trigger.enabled() ? scheduler.nextFire(trigger.id()) : null;
            default -> null;
        };
    }
}
