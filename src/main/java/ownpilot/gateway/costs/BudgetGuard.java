package ownpilot.gateway.costs;

import java.util.function.IntSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.ApiException;

/**
 * Called before a provider is: refuses a call whose estimated cost would take the daily or monthly
 * spend past its limit, with 429 {@code BUDGET_EXCEEDED}, when the budget's action is {@code block}.
 */
@Service
public class BudgetGuard {

    private final Budgets budgets;
    private final BudgetRepository repository;
    private final Pricing pricing;

    BudgetGuard(Budgets budgets, BudgetRepository repository, Pricing pricing) {
        this.budgets = budgets;
        this.repository = repository;
        this.pricing = pricing;
    }

    /** {@code estimatedInputTokens} is asked for only when a limit applies: estimating reads the whole request. */
    public void check(String userId, String provider, String model, IntSupplier estimatedInputTokens,
            int estimatedOutputTokens) {
        BudgetRepository.Budget budget = repository.find(userId);
        if (!budget.limitAction().equals("block") || !budget.hasLimit()) {
            return;
        }
        double estimate = pricing.cost(provider, model, estimatedInputTokens.getAsInt(), estimatedOutputTokens);
        for (Budgets.Window w : budgets.windows(userId)) {
            if (w.limit() != null && (w.used() >= w.limit() || w.used() + estimate > w.limit())) {
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "BUDGET_EXCEEDED",
                        "The " + w.name() + " budget of " + Money.format(w.limit()) + " would be exceeded (used "
                                + Money.format(w.used()) + ", this call about " + Money.format(estimate) + ")");
            }
        }
    }
}
