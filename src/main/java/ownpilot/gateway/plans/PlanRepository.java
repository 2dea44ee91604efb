package ownpilot.gateway.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans, steps and history; user-facing queries are scoped to the user, the workers' by plan id.
 * Which worker holds a run is {@link PlanLeases}, the counts over a user's plans {@link PlanStats}.
 */
@Repository
class PlanRepository {

    record HistoryEntry(String id, String planId, String stepId, String eventType, RawJson details, String createdAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Plan insert(String userId, String id, PlanInput.PlanValues v) {
        return jdbc.sql("""
                INSERT INTO plans (id, user_id, name, description, goal, priority, source, source_id, trigger_id, goal_id,
                    autonomy_level, max_retries, timeout_ms, metadata)
                VALUES (:id, :user, :name, :description, :goal, :priority, :source, :sourceId, :triggerId, :goalId,
                    :autonomy, :maxRetries, :timeout, CAST(:metadata AS jsonb)) RETURNING *""")
                .param("id", id).param("user", userId).params(planParams(v)).query((rs, n) -> plan(rs)).single();
    }

    Optional<Plan> update(String userId, String id, PlanInput.PlanValues v) {
        return jdbc.sql("""
                UPDATE plans SET name = :name, description = :description, goal = :goal, priority = :priority,
                    source = :source, source_id = :sourceId, trigger_id = :triggerId, goal_id = :goalId,
                    autonomy_level = :autonomy, max_retries = :maxRetries, timeout_ms = :timeout,
                    metadata = CAST(:metadata AS jsonb), updated_at = now()
                WHERE user_id = :user AND id = :id RETURNING *""")
                .param("id", id).param("user", userId).params(planParams(v)).query((rs, n) -> plan(rs)).optional();
    }

    private Map<String, Object> planParams(PlanInput.PlanValues v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", v.name());
        p.put("description", v.description());
        p.put("goal", v.goal());
        p.put("priority", v.priority());
        p.put("source", v.source());
        p.put("sourceId", v.sourceId());
        p.put("triggerId", v.triggerId());
        p.put("goalId", v.goalId());
        p.put("autonomy", v.autonomyLevel());
        p.put("maxRetries", v.maxRetries());
        p.put("timeout", v.timeoutMs());
        p.put("metadata", v.metadataJson());
        return p;
    }

    Optional<Plan> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM plans WHERE user_id = :user AND id = :id").param("user", userId).param("id", id)
                .query((rs, n) -> plan(rs)).optional();
    }

    Optional<Plan> findById(String id) {
        return jdbc.sql("SELECT * FROM plans WHERE id = :id").param("id", id).query((rs, n) -> plan(rs)).optional();
    }

    boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM plans WHERE user_id = :user AND id = :id").param("user", userId).param("id", id)
                .update() > 0;
    }

    List<Plan> list(String userId, List<String> statuses, String goalId, String triggerId, int limit, int offset) {
        return jdbc.sql("SELECT * FROM plans WHERE user_id = :user " + filter(statuses)
                        + "ORDER BY priority DESC, created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("user", userId).param("statuses", statuses.isEmpty() ? List.of("") : statuses)
                .param("goal", goalId).param("trigger", triggerId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> plan(rs)).list();
    }

    long count(String userId, List<String> statuses, String goalId, String triggerId) {
        return jdbc.sql("SELECT count(*) FROM plans WHERE user_id = :user " + filter(statuses))
                .param("user", userId).param("statuses", statuses.isEmpty() ? List.of("") : statuses)
                .param("goal", goalId).param("trigger", triggerId).query(Long.class).single();
    }

    private static String filter(List<String> statuses) {
        return (statuses.isEmpty() ? "" : "AND status IN (:statuses) ")
                + "AND (CAST(:goal AS text) IS NULL OR goal_id = :goal) "
                + "AND (CAST(:trigger AS text) IS NULL OR trigger_id = :trigger) ";
    }

    /** Moves a plan between statuses; empty when it was not in one of {@code from}. */
    Optional<Plan> transition(String userId, String id, List<String> from, String to, String error) {
        return jdbc.sql("""
                UPDATE plans SET status = :to, error = CASE WHEN :to IN ('failed', 'cancelled') THEN :error ELSE NULL END,
                    started_at = CASE WHEN :to = 'running' THEN coalesce(started_at, now()) ELSE started_at END,
                    completed_at = CASE WHEN :to IN ('completed', 'failed', 'cancelled') THEN now() ELSE NULL END,
                    lease_owner = CASE WHEN :to = 'running' THEN lease_owner END,
                    lease_until = CASE WHEN :to = 'running' THEN lease_until END, updated_at = now()
                WHERE user_id = :user AND id = :id AND status IN (:from) RETURNING *""")
                .param("user", userId).param("id", id).param("from", from).param("to", to).param("error", error)
                .query((rs, n) -> plan(rs)).optional();
    }

    /** A fresh run: every step back to pending, counters cleared. */
    void resetSteps(String planId, boolean keepCompleted, List<String> keep) {
        jdbc.sql("""
                UPDATE plan_steps SET status = 'pending', result = NULL, error = NULL, retry_count = 0, not_before = NULL,
                    approval_id = NULL, started_at = NULL, completed_at = NULL, duration_ms = NULL, updated_at = now()
                WHERE plan_id = :plan AND NOT (:keep AND id IN (:ids))""")
                .param("plan", planId).param("keep", keepCompleted).param("ids", keep.isEmpty() ? List.of("") : keep)
                .update();
        jdbc.sql("UPDATE plans SET step_runs = 0, waiting_for = NULL, error = NULL, started_at = NULL WHERE id = :plan")
                .param("plan", planId).update();
        refreshProgress(planId);
    }

    void refreshProgress(String planId) {
        jdbc.sql("""
                UPDATE plans p SET total_steps = s.total, current_step = s.done,
                    progress = CASE WHEN s.total = 0 THEN 0 ELSE (100 * s.done / s.total) END, updated_at = now()
                FROM (SELECT count(*) AS total, count(*) FILTER (WHERE status IN ('completed', 'skipped')) AS done
                      FROM plan_steps WHERE plan_id = :plan) s
                WHERE p.id = :plan""").param("plan", planId).update();
    }

    void setCheckpoint(String planId, JsonNode checkpoint) {
        jdbc.sql("UPDATE plans SET checkpoint = CAST(:c AS jsonb), updated_at = now() WHERE id = :plan")
                .param("plan", planId).param("c", checkpoint == null ? null : json.writeValueAsString(checkpoint)).update();
    }

    void setWaiting(String planId, JsonNode waiting) {
        jdbc.sql("UPDATE plans SET waiting_for = CAST(:w AS jsonb), lease_owner = NULL, lease_until = NULL, "
                        + "updated_at = now() WHERE id = :plan")
                .param("plan", planId).param("w", waiting == null ? null : json.writeValueAsString(waiting)).update();
    }

    // ---- steps

    PlanStep insertStep(String userId, String planId, PlanInput.StepValues v) {
        return jdbc.sql("""
                INSERT INTO plan_steps (id, plan_id, user_id, order_num, type, name, description, config, dependencies,
                    max_retries, timeout_ms, retry_safe, on_success, on_failure, metadata)
                VALUES (:id, :plan, :user, :order, :type, :name, :description, CAST(:config AS jsonb),
                    CAST(:deps AS jsonb), :maxRetries, :timeout, :retrySafe, :onSuccess, :onFailure,
                    CAST(:metadata AS jsonb)) RETURNING *""")
                .param("id", Ids.prefixed("step")).param("plan", planId).param("user", userId).params(stepParams(v))
                .query((rs, n) -> step(rs)).single();
    }

    Optional<PlanStep> updateStep(String planId, String stepId, PlanInput.StepValues v) {
        return jdbc.sql("""
                UPDATE plan_steps SET order_num = :order, name = :name, description = :description,
                    config = CAST(:config AS jsonb), dependencies = CAST(:deps AS jsonb), max_retries = :maxRetries,
                    timeout_ms = :timeout, retry_safe = :retrySafe, on_success = :onSuccess, on_failure = :onFailure,
                    metadata = CAST(:metadata AS jsonb), updated_at = now()
                WHERE plan_id = :plan AND id = :id RETURNING *""")
                .param("plan", planId).param("id", stepId).params(stepParams(v)).query((rs, n) -> step(rs)).optional();
    }

    private Map<String, Object> stepParams(PlanInput.StepValues v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order", v.orderNum());
        p.put("type", v.type());
        p.put("name", v.name());
        p.put("description", v.description());
        p.put("config", json.writeValueAsString(v.config()));
        p.put("deps", json.writeValueAsString(v.dependencies()));
        p.put("maxRetries", v.maxRetries());
        p.put("timeout", v.timeoutMs());
        p.put("retrySafe", v.retrySafe());
        p.put("onSuccess", v.onSuccess());
        p.put("onFailure", v.onFailure());
        p.put("metadata", v.metadataJson());
        return p;
    }

    boolean deleteStep(String planId, String stepId) {
        return jdbc.sql("DELETE FROM plan_steps WHERE plan_id = :plan AND id = :id").param("plan", planId)
                .param("id", stepId).update() > 0;
    }

    List<PlanStep> steps(String planId) {
        return jdbc.sql("SELECT * FROM plan_steps WHERE plan_id = :plan ORDER BY order_num, created_at, id")
                .param("plan", planId).query((rs, n) -> step(rs)).list();
    }

    Optional<PlanStep> step(String planId, String stepId) {
        return jdbc.sql("SELECT * FROM plan_steps WHERE plan_id = :plan AND id = :id").param("plan", planId)
                .param("id", stepId).query((rs, n) -> step(rs)).optional();
    }

    Optional<PlanStep> stepWaitingOn(String approvalId) {
        return jdbc.sql("SELECT * FROM plan_steps WHERE approval_id = :a AND status = 'waiting'").param("a", approvalId)
                .query((rs, n) -> step(rs)).optional();
    }

    List<PlanStep> waitingInputs(String userId) {
        return jdbc.sql("""
                SELECT s.* FROM plan_steps s JOIN plans p ON p.id = s.plan_id
                WHERE s.user_id = :user AND s.status = 'waiting' AND s.type = 'user_input'
                    AND p.status IN ('running', 'paused') ORDER BY s.started_at LIMIT 200""")
                .param("user", userId).query((rs, n) -> step(rs)).list();
    }

    /** Sets a step's run state; {@code status} decides which timestamps move. */
    void markStep(String stepId, String status, JsonNode result, String error, Integer retryCount, Instant notBefore,
            String approvalId) {
        jdbc.sql("""
                UPDATE plan_steps SET status = :status, result = coalesce(CAST(:result AS jsonb), result),
                    error = :error, retry_count = coalesce(:retries, retry_count), not_before = :notBefore,
                    approval_id = :approval,
                    started_at = CASE WHEN :status = 'running' THEN now() ELSE started_at END,
                    completed_at = CASE WHEN :status IN ('completed', 'failed', 'skipped', 'blocked') THEN now() END,
                    duration_ms = CASE WHEN :status IN ('completed', 'failed', 'skipped') AND started_at IS NOT NULL
                        THEN (extract(epoch FROM now() - started_at) * 1000)::integer END,
                    updated_at = now()
                WHERE id = :id""").param("id", stepId).param("status", status)
                .param("result", result == null ? null : json.writeValueAsString(result)).param("error", error)
                .param("retries", retryCount).param("notBefore", notBefore == null ? null : Timestamp.from(notBefore))
                .param("approval", approvalId).update();
    }

    // ---- history

    void history(String userId, String planId, String stepId, String eventType, Map<String, ?> details) {
        jdbc.sql("""
                INSERT INTO plan_history (id, plan_id, user_id, step_id, event_type, details)
                VALUES (:id, :plan, :user, :step, :type, CAST(:details AS jsonb))""")
                .param("id", Ids.prefixed("evt")).param("plan", planId).param("user", userId).param("step", stepId)
                .param("type", eventType).param("details", json.writeValueAsString(details == null ? Map.of() : details))
                .update();
    }

    List<HistoryEntry> history(String userId, String planId, int limit) {
        return jdbc.sql("""
                SELECT * FROM plan_history WHERE user_id = :user AND plan_id = :plan
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("user", userId).param("plan", planId).param("limit", limit)
                .query((rs, n) -> new HistoryEntry(rs.getString("id"), rs.getString("plan_id"), rs.getString("step_id"),
                        rs.getString("event_type"), RawJson.ofNullable(rs.getString("details")),
                        SqlValues.instant(rs, "created_at"))).list();
    }

    private Plan plan(ResultSet rs) throws SQLException {
        return new Plan(rs.getString("id"), rs.getString("user_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("goal"), rs.getString("status"), rs.getInt("current_step"), rs.getInt("total_steps"),
                rs.getInt("progress"), rs.getInt("priority"), rs.getString("source"), rs.getString("source_id"),
                rs.getString("trigger_id"), rs.getString("goal_id"), rs.getInt("autonomy_level"),
                rs.getInt("max_retries"), SqlValues.nullableInt(rs, "timeout_ms"),
                RawJson.ofNullable(rs.getString("checkpoint")), rs.getString("error"),
                RawJson.ofNullable(rs.getString("waiting_for")), RawJson.ofNullable(rs.getString("metadata")),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"),
                SqlValues.instant(rs, "started_at"), SqlValues.instant(rs, "completed_at"), rs.getString("lease_owner"));
    }

    private PlanStep step(ResultSet rs) throws SQLException {
        String result = rs.getString("result");
        return new PlanStep(rs.getString("id"), rs.getString("plan_id"), rs.getString("user_id"), rs.getInt("order_num"),
                rs.getString("type"), rs.getString("name"), rs.getString("description"),
                json.readTree(rs.getString("config")), rs.getString("status"),
                json.readValue(rs.getString("dependencies"), new TypeReference<List<String>>() {}),
                result == null ? null : json.readTree(result), rs.getString("error"), rs.getInt("retry_count"),
                rs.getInt("max_retries"), SqlValues.nullableInt(rs, "timeout_ms"), rs.getBoolean("retry_safe"),
                SqlValues.instant(rs, "not_before"), rs.getString("approval_id"), rs.getString("on_success"),
                rs.getString("on_failure"), json.readTree(rs.getString("metadata")), SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "completed_at"), SqlValues.nullableInt(rs, "duration_ms"));
    }
}
