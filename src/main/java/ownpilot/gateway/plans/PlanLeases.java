package ownpilot.gateway.plans;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.SqlValues;

/** Which worker runs which plan (a lease on the plan's row, renewed while it runs) and the run's step budget. */
@Repository
class PlanLeases {

    record Lease(String planId, String owner, String leaseUntil) {}

    private final JdbcClient jdbc;

    PlanLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} runnable plans whose lease is free or expired. */
    List<String> claim(String owner, int leaseSeconds, int limit) {
        return jdbc.sql("""
                UPDATE plans SET lease_owner = :owner, lease_until = now() + make_interval(secs => :secs)
                WHERE id IN (SELECT id FROM plans WHERE status = 'running' AND waiting_for IS NULL
                                AND (lease_until IS NULL OR lease_until < now())
                             ORDER BY priority DESC, updated_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id""").param("owner", owner).param("secs", leaseSeconds).param("limit", limit)
                .query(String.class).list();
    }

    /** Extends the lease while the plan is still this worker's and running; the plan's status, or empty if lost. */
    Optional<String> renew(String planId, String owner, int leaseSeconds) {
        return jdbc.sql("""
                UPDATE plans SET lease_until = now() + make_interval(secs => :secs)
                WHERE id = :plan AND lease_owner = :owner RETURNING status""")
                .param("plan", planId).param("owner", owner).param("secs", leaseSeconds).query(String.class).optional();
    }

    void release(String planId, String owner) {
        jdbc.sql("UPDATE plans SET lease_owner = NULL, lease_until = NULL WHERE id = :plan AND lease_owner = :owner")
                .param("plan", planId).param("owner", owner).update();
    }

    void countStepRun(String planId) {
        jdbc.sql("UPDATE plans SET step_runs = step_runs + 1 WHERE id = :plan").param("plan", planId).update();
    }

    int stepRuns(String planId) {
        return jdbc.sql("SELECT step_runs FROM plans WHERE id = :plan").param("plan", planId).query(Integer.class)
                .optional().orElse(0);
    }

    List<Lease> leases() {
        return jdbc.sql("SELECT id, lease_owner, lease_until FROM plans WHERE status = 'running' AND lease_owner IS NOT NULL "
                        + "AND lease_until > now() ORDER BY id LIMIT 1000")
                .query((rs, n) -> new Lease(rs.getString(1), rs.getString(2), SqlValues.instant(rs, "lease_until"))).list();
    }
}
