package ownpilot.gateway.costs;

import java.util.List;

/**
 * Spending against each limit and the alerts reached: the budget part of {@code GET /costs} and the
 * answer of {@code /costs/budget}. {@code spent} is {@code used} under the web UI's name; {@code type}
 * and {@code currentSpend} likewise on alerts.
 */
record BudgetStatus(WindowView daily, WindowView weekly, WindowView monthly, List<Integer> alertThresholds,
        String limitAction, List<Alert> alerts) {

    record WindowView(Double limit, double used, double spent, Double remaining, double percentage) {

        static WindowView of(Budgets.Window w) {
            return new WindowView(w.limit(), w.used(), w.used(), w.remaining(), w.percentage());
        }
    }

    record Alert(String window, String type, int threshold, double used, double currentSpend, double limit) {}
}
