package ownpilot.gateway.costs;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.database.DatabaseWork;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;

/** Records every model call (chat, streamed or not, and background use) with its cost from catalog prices. */
@Service
public class UsageRecorder {

    static final List<String> TYPES = List.of("chat", "completion", "embedding", "image", "audio", "tool");

    private final UsageRepository usage;
    private final Pricing pricing;
    private final BudgetRepository budgets;
    private final Budgets windows;
    private final ApplicationEventPublisher events;
    private final DatabaseWork work;

    UsageRecorder(UsageRepository usage, Pricing pricing, BudgetRepository budgets, Budgets windows,
            ApplicationEventPublisher events, DatabaseWork work) {
        this.work = work;
        this.usage = usage;
        this.pricing = pricing;
        this.budgets = budgets;
        this.windows = windows;
        this.events = events;
    }

    /** Stores the call and returns its cost in USD. */
    public double record(Usage u) {
        if (!TYPES.contains(u.requestType()) || u.inputTokens() < 0 || u.outputTokens() < 0) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Invalid usage record");
        }
        double cost = pricing.cost(u.provider(), u.model(), u.inputTokens(), u.outputTokens());
        work.run(() -> usage.insert(Ids.prefixed("usage"), u, cost));
        if (cost > 0) {
            alertCrossedThresholds(u.userId(), cost);
        }
        return cost;
    }

    /** Publishes one alert per threshold that this call's cost crossed, in each window with a limit. */
    private void alertCrossedThresholds(String userId, double cost) {
        BudgetRepository.Budget budget = budgets.find(userId);
        if (!budget.hasLimit()) {
            return;
        }
        for (Budgets.Window w : windows.windows(userId)) {
            if (w.limit() == null || w.limit() <= 0) {
                continue;
            }
            double before = (w.used() - cost) / w.limit() * 100;
            double after = w.used() / w.limit() * 100;
            for (int threshold : budget.alertThresholds()) {
                if (before < threshold && after >= threshold) {
                    events.publishEvent(new BudgetAlerted(userId, w.name(), threshold, w.used(), w.limit()));
                }
            }
        }
    }
}
