package ownpilot.gateway.goals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.UserCounts;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.json.JsonMapper;

/** Goals and their steps; every query is scoped to the user. */
@Repository
class GoalRepository {

    /** The writable fields of a goal. */
    record GoalValues(String title, String description, String status, int priority, String parentId,
            LocalDate dueDate, int progress, String metadataJson) {}

    /** The writable fields of a step. */
    record StepValues(String title, String description, String status, int orderNum, List<String> dependencies,
            String result) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    GoalRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Goal insert(String userId, String id, GoalValues v) {
        return jdbc.sql("""
                INSERT INTO goals (id, user_id, title, description, status, priority, parent_id, due_date, progress,
                    metadata, completed_at)
                VALUES (:id, :user, :title, :description, :status, :priority, :parent, :due, :progress,
                    CAST(:metadata AS jsonb), CASE WHEN :status = 'completed' THEN now() END)
                RETURNING *""")
                .param("id", id).param("user", userId).params(goalParams(v)).query((rs, n) -> goal(rs)).single();
    }

    /** Writes every field; {@code completed_at} is set on entering {@code completed} and cleared on leaving it. */
    Optional<Goal> update(String userId, String id, GoalValues v) {
        return jdbc.sql("""
                UPDATE goals SET title = :title, description = :description, status = :status, priority = :priority,
                    parent_id = :parent, due_date = :due, progress = :progress, metadata = CAST(:metadata AS jsonb),
                    completed_at = CASE WHEN :status = 'completed' THEN coalesce(completed_at, now()) END,
                    updated_at = now()
                WHERE user_id = :user AND id = :id RETURNING *""")
                .param("id", id).param("user", userId).params(goalParams(v)).query((rs, n) -> goal(rs)).optional();
    }

    Optional<Goal> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM goals WHERE user_id = :user AND id = :id").param("user", userId)
                .param("id", id).query((rs, n) -> goal(rs)).optional();
    }

    /** The goal's parent, its parent's parent…, nearest first, at most {@code limit}. */
    List<String> ancestors(String userId, String id, int limit) {
        return jdbc.sql("""
                WITH RECURSIVE up(id, parent_id, depth) AS (
                    SELECT id, parent_id, 0 FROM goals WHERE user_id = :user AND id = :id
                    UNION ALL
                    SELECT g.id, g.parent_id, up.depth + 1 FROM goals g JOIN up ON g.id = up.parent_id
                    WHERE g.user_id = :user AND up.depth < :limit)
                SELECT id FROM up WHERE depth > 0 ORDER BY depth""")
                .param("user", userId).param("id", id).param("limit", limit).query(String.class).list();
    }

    boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM goals WHERE user_id = :user AND id = :id").param("user", userId)
                .param("id", id).update() > 0;
    }

    /** {@code parentId}: null for any, the empty string for top-level goals only. */
    List<Goal> list(String userId, List<String> statuses, String parentId, int limit, int offset) {
        return jdbc.sql("SELECT * FROM goals" + where(statuses, parentId)
                        + " ORDER BY priority DESC, due_date NULLS LAST, created_at, id LIMIT :limit OFFSET :offset")
                .params(listParams(userId, statuses, parentId)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> goal(rs)).list();
    }

    long count(String userId, List<String> statuses, String parentId) {
        return jdbc.sql("SELECT count(*) FROM goals" + where(statuses, parentId))
                .params(listParams(userId, statuses, parentId)).query(Long.class).single();
    }

    List<Goal> dueBy(String userId, LocalDate until) {
        return jdbc.sql("SELECT * FROM goals WHERE user_id = :user AND status = 'active' AND due_date <= :until "
                        + "ORDER BY due_date, priority DESC, id")
                .param("user", userId).param("until", until).query((rs, n) -> goal(rs)).list();
    }

    record Stats(long total, Map<String, Long> byStatus, long completedThisWeek, int averageProgress,
            long overdueCount) {}

    Stats stats(String userId, LocalDate today) {
        Map<String, Long> byStatus = UserCounts.by(jdbc, "goals", "status", userId, Goal.STATUSES);
        return jdbc.sql("""
                SELECT count(*) AS total,
                    count(*) FILTER (WHERE completed_at > now() - interval '7 days') AS week,
                    coalesce(round(avg(progress) FILTER (WHERE status = 'active')), 0) AS avg,
                    count(*) FILTER (WHERE status = 'active' AND due_date < :today) AS overdue
                FROM goals WHERE user_id = :user""")
                .param("user", userId).param("today", today)
                .query((rs, n) -> new Stats(rs.getLong("total"), byStatus, rs.getLong("week"), rs.getInt("avg"),
                        rs.getLong("overdue")))
                .single();
    }

    void setProgress(String userId, String goalId, int progress) {
        jdbc.sql("UPDATE goals SET progress = :progress, updated_at = now() WHERE user_id = :user AND id = :id")
                .param("progress", progress).param("user", userId).param("id", goalId).update();
    }

    GoalStep insertStep(String userId, String goalId, String id, StepValues v) {
        return jdbc.sql("""
                INSERT INTO goal_steps (id, goal_id, user_id, title, description, status, order_num, dependencies,
                    result, completed_at)
                VALUES (:id, :goal, :user, :title, :description, :status, :order, CAST(:deps AS jsonb), :result,
                    CASE WHEN :status = 'completed' THEN now() END)
                RETURNING *""")
                .param("id", id).param("goal", goalId).param("user", userId).params(stepParams(v))
                .query((rs, n) -> step(rs)).single();
    }

    Optional<GoalStep> updateStep(String userId, String goalId, String id, StepValues v) {
        return jdbc.sql("""
                UPDATE goal_steps SET title = :title, description = :description, status = :status,
                    order_num = :order, dependencies = CAST(:deps AS jsonb), result = :result,
                    completed_at = CASE WHEN :status = 'completed' THEN coalesce(completed_at, now()) END,
                    updated_at = now()
                WHERE user_id = :user AND goal_id = :goal AND id = :id RETURNING *""")
                .param("id", id).param("goal", goalId).param("user", userId).params(stepParams(v))
                .query((rs, n) -> step(rs)).optional();
    }

    List<GoalStep> steps(String userId, String goalId) {
        return jdbc.sql("SELECT * FROM goal_steps WHERE user_id = :user AND goal_id = :goal ORDER BY order_num, created_at, id")
                .param("user", userId).param("goal", goalId).query((rs, n) -> step(rs)).list();
    }

    boolean deleteStep(String userId, String goalId, String id) {
        return jdbc.sql("DELETE FROM goal_steps WHERE user_id = :user AND goal_id = :goal AND id = :id")
                .param("user", userId).param("goal", goalId).param("id", id).update() > 0;
    }

    /** Open steps of active goals, with their goal, in the order next actions are offered. */
    List<Map.Entry<Goal, GoalStep>> openStepsOfActiveGoals(String userId) {
        return jdbc.sql("""
                SELECT g.*, s.id AS s_id, s.goal_id AS s_goal_id, s.title AS s_title, s.description AS s_description,
                    s.status AS s_status, s.order_num AS s_order_num, s.dependencies AS s_dependencies,
                    s.result AS s_result, s.created_at AS s_created_at, s.updated_at AS s_updated_at,
                    s.completed_at AS s_completed_at
                FROM goal_steps s JOIN goals g ON g.id = s.goal_id AND g.user_id = s.user_id
                WHERE s.user_id = :user AND g.status = 'active' AND s.status IN ('pending', 'in_progress')
                ORDER BY g.priority DESC, g.due_date NULLS LAST, g.id, s.order_num, s.id
                LIMIT 2000""")
                .param("user", userId).query((rs, n) -> Map.entry(goal(rs), step(rs, "s_"))).list();
    }

    /** Ids of the user's steps that are done (completed or skipped), among {@code ids}. */
    List<String> doneAmong(String userId, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM goal_steps WHERE user_id = :user AND id IN (:ids) "
                        + "AND status IN ('completed', 'skipped')")
                .param("user", userId).param("ids", ids).query(String.class).list();
    }

    private static String where(List<String> statuses, String parentId) {
        return " WHERE user_id = :user" + (statuses.isEmpty() ? "" : " AND status IN (:statuses)")
                + (parentId == null ? "" : parentId.isEmpty() ? " AND parent_id IS NULL" : " AND parent_id = :parent");
    }

    private static Map<String, Object> listParams(String userId, List<String> statuses, String parentId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("user", userId);
        if (!statuses.isEmpty()) {
            p.put("statuses", statuses);
        }
        if (parentId != null && !parentId.isEmpty()) {
            p.put("parent", parentId);
        }
        return p;
    }

    private static Map<String, Object> goalParams(GoalValues v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", v.title());
        p.put("description", v.description());
        p.put("status", v.status());
        p.put("priority", v.priority());
        p.put("parent", v.parentId());
        p.put("due", v.dueDate());
        p.put("progress", v.progress());
        p.put("metadata", v.metadataJson());
        return p;
    }

    private Map<String, Object> stepParams(StepValues v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", v.title());
        p.put("description", v.description());
        p.put("status", v.status());
        p.put("order", v.orderNum());
        p.put("deps", json.writeValueAsString(v.dependencies()));
        p.put("result", v.result());
        return p;
    }

    private static Goal goal(ResultSet rs) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        return new Goal(rs.getString("id"), rs.getString("title"), rs.getString("description"), rs.getString("status"),
                rs.getInt("priority"), rs.getString("parent_id"), due == null ? null : due.toString(),
                rs.getInt("progress"), new RawJson(rs.getString("metadata")), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"), SqlValues.instant(rs, "completed_at"));
    }

    private GoalStep step(ResultSet rs) throws SQLException {
        return step(rs, "");
    }

    private GoalStep step(ResultSet rs, String prefix) throws SQLException {
        List<String> deps = new ArrayList<>();
        json.readTree(rs.getString(prefix + "dependencies")).forEach(d -> deps.add(d.asString()));
        return new GoalStep(rs.getString(prefix + "id"), rs.getString(prefix + "goal_id"), rs.getString(prefix + "title"),
                rs.getString(prefix + "description"), rs.getString(prefix + "status"), rs.getInt(prefix + "order_num"),
                deps, rs.getString(prefix + "result"), SqlValues.instant(rs, prefix + "created_at"),
                SqlValues.instant(rs, prefix + "updated_at"), SqlValues.instant(rs, prefix + "completed_at"));
    }
}
