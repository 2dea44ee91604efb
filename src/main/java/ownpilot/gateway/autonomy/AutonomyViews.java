package ownpilot.gateway.autonomy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.springframework.stereotype.Component;
import ownpilot.gateway.costs.Spending;

/**
 * The autonomy answers as the spec and the web UI both read them: the config with the day's spend
 * against the autonomy budget and when it resets, and pending approvals with the UI's
 * {@code description}, {@code category} and {@code type} besides the spec's fields.
 */
@Component
class AutonomyViews {

    /** The stored settings, plus what the budget stands at today. Every gate decision is audited: always true. */
    record ConfigView(@JsonUnwrapped AutonomyConfig settings, double dailySpend, String budgetResetAt,
            boolean auditEnabled) {}

    record ConfigWithLevels(ConfigView config, List<AutonomyConfig.Level> levels) {}

    record PendingApproval(@JsonUnwrapped Approval approval, String description, String category, String type) {}

    record PendingList(List<PendingApproval> pending, int count) {}

    private final Spending spending;

    AutonomyViews(Spending spending) {
        this.spending = spending;
    }

    ConfigWithLevels withLevels(String userId, AutonomyConfig config) {
        return new ConfigWithLevels(new ConfigView(config, spending.today(userId),
                spending.nextReset(userId).toInstant().toString(), true), AutonomyConfig.LEVELS);
    }

    PendingList pending(List<Approval> pending) {
        List<PendingApproval> items = pending.stream().map(a -> new PendingApproval(a,
                "Run " + a.tool() + " with " + a.arguments(), "tool", "tool_call")).toList();
        return new PendingList(items, items.size());
    }
}
