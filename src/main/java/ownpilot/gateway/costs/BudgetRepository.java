package ownpilot.gateway.costs;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.SharedCaches;
import tools.jackson.databind.json.JsonMapper;

@Repository
class BudgetRepository {

    /** Limits in USD ({@code null} = no limit), alert percentages, and whether reaching a limit blocks calls. */
    record Budget(Double dailyLimit, Double weeklyLimit, Double monthlyLimit, List<Integer> alertThresholds,
            String limitAction) {
        static Budget none() {
            return new Budget(null, null, null, List.of(50, 80, 100), "block");
        }

        boolean hasLimit() {
            return dailyLimit != null || weeklyLimit != null || monthlyLimit != null;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SharedCaches.Named<Budget> cache;

    BudgetRepository(JdbcClient jdbc, JsonMapper json, SharedCaches caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = caches.cache("budgets", 10_000);
    }

    /** Read before every model call, so cached; {@link #save} refreshes the copy of every replica. */
    Budget find(String userId) {
        return cache.get(userId, this::load);
    }

    private Budget load(String userId) {
        return jdbc.sql("SELECT * FROM budgets WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> {
                    List<Integer> thresholds = new ArrayList<>();
                    json.readTree(rs.getString("alert_thresholds")).forEach(t -> thresholds.add(t.asInt()));
                    return new Budget((Double) rs.getObject("daily_limit"), (Double) rs.getObject("weekly_limit"),
                            (Double) rs.getObject("monthly_limit"),
                            thresholds, rs.getString("limit_action"));
                }).optional().orElse(Budget.none());
    }

    void save(String userId, Budget b) {
        jdbc.sql("""
                INSERT INTO budgets (user_id, daily_limit, weekly_limit, monthly_limit, alert_thresholds, limit_action,
                    updated_at)
                VALUES (:user, :daily, :weekly, :monthly, CAST(:thresholds AS jsonb), :action, now())
                ON CONFLICT (user_id) DO UPDATE SET daily_limit = EXCLUDED.daily_limit,
                    weekly_limit = EXCLUDED.weekly_limit,
                    monthly_limit = EXCLUDED.monthly_limit, alert_thresholds = EXCLUDED.alert_thresholds,
                    limit_action = EXCLUDED.limit_action, updated_at = now()""")
                .param("user", userId).param("daily", b.dailyLimit()).param("weekly", b.weeklyLimit())
                .param("monthly", b.monthlyLimit())
                .param("thresholds", json.writeValueAsString(b.alertThresholds())).param("action", b.limitAction())
                .update();
        cache.invalidate(userId);
    }
}
