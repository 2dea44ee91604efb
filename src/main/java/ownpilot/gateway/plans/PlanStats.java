package ownpilot.gateway.plans;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.UserCounts;

/** The user's plans counted: by status, completion rate, steps per plan and run time. */
@Repository
class PlanStats {

    private final JdbcClient jdbc;

    PlanStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stats(long total, Map<String, Long> byStatus, double completionRate, double avgStepsPerPlan,
            long avgDurationMs) {}

    Stats of(String userId) {
        Map<String, Long> byStatus = UserCounts.by(jdbc, "plans", "status", userId, Plan.STATUSES);
        return jdbc.sql("""
                SELECT count(*) AS total, coalesce(avg(total_steps), 0) AS steps,
                    coalesce(avg(extract(epoch FROM completed_at - started_at) * 1000)
                        FILTER (WHERE status = 'completed' AND started_at IS NOT NULL), 0) AS duration,
                    count(*) FILTER (WHERE status = 'completed') AS completed,
                    count(*) FILTER (WHERE status IN ('completed', 'failed', 'cancelled')) AS finished
                FROM plans WHERE user_id = :user""").param("user", userId)
                .query((rs, n) -> new Stats(rs.getLong("total"), byStatus, rs.getLong("finished") == 0 ? 0
                        : Math.round(rs.getLong("completed") * 1000.0 / rs.getLong("finished")) / 10.0,
                        Math.round(rs.getDouble("steps") * 10) / 10.0, Math.round(rs.getDouble("duration")))).single();
    }
}
