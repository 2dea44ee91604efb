package ownpilot.gateway.autonomy;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ownpilot.gateway.costs.Spending;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.DomainEvents;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolExecution;
import ownpilot.gateway.tools.GateVerdict;
import ownpilot.gateway.tools.ToolGate;
import ownpilot.gateway.tools.ToolResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a tool call the assistant wants to make may run, and runs it, parks it for the
 * user's approval, or refuses it.
 *
 * <p>Decision rule, first match wins: the tool or its category is blocked → {@code blocked}; a live
 * scoped grant covers the tool (and these arguments, for an argument-scoped grant) → {@code
 * auto_approve}; the tool or its category is allowed → {@code auto_approve}; the tool is in
 * {@code confirmationRequired} → {@code needs_approval}; else by level: 0 Manual → needs approval;
 * 1 Supervised → only {@code low} risk runs; 2 Guided → all but {@code critical} runs; 3 Autonomous → runs.
 */
@Service
public class AutonomyGate implements ToolGate {

    private final AutonomyConfigService configs;
    private final ApprovalRepository approvals;
    private final ToolExecution execution;
    private final JsonMapper json;
    private final DomainEvents events;
    private final TransactionTemplate transactions;
    private final Spending spending;

    AutonomyGate(AutonomyConfigService configs, ApprovalRepository approvals, ToolExecution execution,
            JsonMapper json, DomainEvents events, TransactionTemplate transactions, Spending spending) {
        this.spending = spending;
        this.events = events;
        this.configs = configs;
        this.approvals = approvals;
        this.execution = execution;
        this.json = json;
        this.transactions = transactions;
    }

    public Risk assess(String userId, ToolDefinition tool, JsonNode arguments) {
        return assess(userId, tool, arguments, null);
    }

    private Risk assess(String userId, ToolDefinition tool, JsonNode arguments, Integer levelCap) {
        AutonomyConfig config = configs.current(userId);
        int level = levelCap == null ? config.level() : Math.max(0, Math.min(config.level(), levelCap));
        RiskAssessor.Score score = RiskAssessor.assess(tool, arguments);
        String name = tool.name();
        String category = tool.category();
        Risk.Decision decision;
        String why;
        if (config.blockedTools().contains(name) || config.blockedCategories().contains(category)) {
            decision = Risk.Decision.blocked;
            why = "blocked by your autonomy settings";
        } else if (approvals.hasGrant(userId, name, CanonicalJson.hash(arguments))) {
            decision = Risk.Decision.auto_approve;
            why = "covered by a grant you gave";
        } else if (config.allowedTools().contains(name) || config.allowedCategories().contains(category)) {
            decision = Risk.Decision.auto_approve;
            why = "allowed by your autonomy settings";
        } else if (config.confirmationRequired().contains(name)) {
            decision = Risk.Decision.needs_approval;
            why = "this tool always asks for confirmation";
        } else {
            boolean runs = switch (level) {
                case 0 -> false;
                case 1 -> score.level().equals("low");
                case 2 -> !score.level().equals("critical");
                default -> true;
            };
            decision = runs ? Risk.Decision.auto_approve : Risk.Decision.needs_approval;
            why = AutonomyConfig.LEVELS.get(level).name() + " level, " + score.level() + " risk";
        }
        if (decision == Risk.Decision.auto_approve && config.dailyBudget() > 0
                && spending.today(userId) >= config.dailyBudget()) {
            decision = Risk.Decision.needs_approval;
            why = "the daily autonomy budget of $" + config.dailyBudget() + " is spent";
        }
        return new Risk(score.score(), score.level(), score.reasons(), decision, why);
    }

    /**
     * The gate itself, on a call already validated: lets it run, parks it for approval (the answer is
     * the pending approval), or refuses it. Parking and refusing are recorded under the caller.
     */
    @Override
    public ToolGate.Decision decide(Actor caller, ToolDefinition tool, JsonNode arguments) {
        return decide(caller, tool, arguments, null);
    }

    @Override
    public ToolGate.Decision decide(Actor caller, ToolDefinition tool, JsonNode arguments, Integer levelCap) {
        Risk risk = assess(caller.userId(), tool, arguments, levelCap);
        return switch (risk.decision()) {
            case blocked -> {
                events.publish(new ToolBlocked(caller, tool.name(), risk.level()));
                yield new ToolGate.Decision(verdict(tool.name(), risk, null),
                        "Tool \"" + tool.name() + "\" is " + risk.decisionReason() + ".");
            }
            case auto_approve -> new ToolGate.Decision(verdict(tool.name(), risk, null), null);
            case needs_approval -> {
                Parked parked = park(caller, tool, arguments, risk);
                yield new ToolGate.Decision(verdict(tool.name(), risk, parked.approvalId()), parked);
            }
        };
    }

    private static GateVerdict verdict(String tool, Risk risk, String approvalId) {
        return new GateVerdict(tool, GateVerdict.Decision.valueOf(risk.decision().name()), risk.decisionReason(),
                risk.level(), approvalId);
    }

    /** The tool result of a parked call: what the model is told while the user decides. */
    record Parked(String status, String approvalId, String tool, Risk risk, long expiresInSeconds, String message) {}

    private Parked park(Actor caller, ToolDefinition tool, JsonNode arguments, Risk risk) {
        AutonomyConfig config = configs.current(caller.userId());
        String id = Ids.prefixed("approval");
        transactions.executeWithoutResult(tx -> {
            approvals.insert(id, caller.userId(), tool.name(), arguments, CanonicalJson.hash(arguments),
                    json.valueToTree(risk), caller.typeName(), caller.id(), caller.correlationId(),
                    config.approvalTtlSeconds());
            events.publish(new ApprovalRequested(caller, id, tool.name(), risk.level(), risk.score(),
                    risk.decisionReason()));
        });
        return new Parked("pending_approval", id, tool.name(), risk, config.approvalTtlSeconds(),
                "This call needs the user's approval (" + risk.decisionReason()
                        + "). Tell the user what you want to do and wait; it runs once they approve it.");
    }

    /**
     * Approves and runs a parked call; with {@code grantMinutes}, similar calls run without asking.
     * A saga of two steps: the decision (pending to approved, the grant, the event) commits first, in one
     * transaction, and only the replica whose update won runs the tool; its result is stored after the
     * run. A crash between the two leaves the approval approved without a result, never run twice.
     */
    public Approval approve(Actor decider, String id, Integer grantMinutes, boolean grantAnyArguments) {
        expireOverdue(decider);
        Approval approval = transactions.execute(tx -> {
            Approval decided = approvals.decide(decider.userId(), id, "approved", null)
                    .orElseThrow(() -> ApprovalProblems.notPending(approvals, decider.userId(), id));
            events.publish(new ApprovalDecided(decider, id, decided.tool(), ApprovalDecided.Decision.approved, null));
            if (grantMinutes != null) {
                approvals.grant(Ids.prefixed("grant"), decider.userId(), decided.tool(),
                        grantAnyArguments ? null : CanonicalJson.hash(decided.arguments()), id, grantMinutes);
                events.publish(new GrantCreated(decider, id, decided.tool(), grantMinutes,
                        grantAnyArguments ? "tool" : "arguments"));
            }
            return decided;
        });
        Actor original = new Actor(decider.userId(), Actor.Type.parse(approval.actorType()),
                approval.actorId(), approval.correlationId());
        ToolResult result = execution.execute(approval.tool(), original, approval.arguments());
        Approval saved = approvals.saveResult(decider.userId(), id, json.valueToTree(result));
        events.publish(new ApprovedCallRan(original, id, approval.tool(), result.isError(),
                json.valueToTree(result.result()), java.time.Instant.now()));
        return saved;
    }

    public Approval reject(Actor decider, String id, String reason) {
        expireOverdue(decider);
        return transactions.execute(tx -> {
            Approval approval = approvals.decide(decider.userId(), id, "rejected", reason)
                    .orElseThrow(() -> ApprovalProblems.notPending(approvals, decider.userId(), id));
            events.publish(new ApprovalDecided(decider, id, approval.tool(), ApprovalDecided.Decision.rejected, reason));
            return approval;
        });
    }

    public List<Approval> pending(Actor caller) {
        expireOverdue(caller);
        return approvals.pending(caller.userId());
    }

    private void expireOverdue(Actor caller) {
        transactions.executeWithoutResult(tx -> {
            for (Approval expired : approvals.expireOverdue(caller.userId())) {
                Actor gateway = new Actor(caller.userId(), Actor.Type.system, "autonomy",
                        expired.correlationId() == null ? Ids.prefixed("sys") : expired.correlationId());
                events.publish(new ApprovalDecided(gateway, expired.id(), expired.tool(), ApprovalDecided.Decision.expired, null));
            }
        });
    }

}
