package ownpilot.gateway.costs;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import ownpilot.gateway.settings.SettingsService;

/** Spending against the daily and monthly limits, with the alert thresholds that have been reached. */
@Service
class Budgets {

    private final BudgetRepository budgets;
    private final UsageRepository usage;
    private final SettingsService settings;

    Budgets(BudgetRepository budgets, UsageRepository usage, SettingsService settings) {
        this.budgets = budgets;
        this.usage = usage;
        this.settings = settings;
    }

    record Window(String name, Double limit, double used) {
        Double remaining() {
            return limit == null ? null : Math.max(0, limit - used);
        }

        double percentage() {
            return limit == null || limit == 0 ? 0 : Math.round(used / limit * 1000) / 10.0;
        }
    }

    List<Window> windows(String userId) {
        BudgetRepository.Budget b = budgets.find(userId);
        ZoneId zone = settings.timeZone(userId);
        return List.of(new Window("daily", b.dailyLimit(), usage.spent(userId, Periods.start("day", zone))),
                new Window("weekly", b.weeklyLimit(), usage.spent(userId, Periods.start("week", zone))),
                new Window("monthly", b.monthlyLimit(), usage.spent(userId, Periods.start("month", zone))));
    }

    BudgetStatus status(String userId) {
        BudgetRepository.Budget b = budgets.find(userId);
        List<Window> windows = windows(userId);
        List<BudgetStatus.Alert> alerts = new ArrayList<>();
        for (Window w : windows) {
            if (w.limit() != null) {
                for (int threshold : b.alertThresholds()) {
                    if (w.percentage() >= threshold) {
                        alerts.add(new BudgetStatus.Alert(w.name(), w.name(), threshold, w.used(), w.used(),
                                w.limit()));
                    }
                }
            }
        }
        return new BudgetStatus(BudgetStatus.WindowView.of(windows.get(0)), BudgetStatus.WindowView.of(windows.get(1)),
                BudgetStatus.WindowView.of(windows.get(2)), b.alertThresholds(), b.limitAction(), alerts);
    }
}
