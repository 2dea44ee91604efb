package ownpilot.gateway.triggers;

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
import ownpilot.gateway.shared.UserCounts;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Triggers, their fire history and fire keys; every user-facing query is scoped to the user. */
@Repository
class TriggerRepository {

    /** One fire as the history shows it; {@code triggerName} in the all-triggers listing. */
    record HistoryEntry(String id, String triggerId, String triggerName, String cause, String scheduledFor,
            String firedAt, String status, RawJson result, String error, Integer durationMs) {}

    record Stats(long total, long enabled, Map<String, Long> byType, long totalFires, long firesThisWeek,
            double successRate) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TriggerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Trigger insert(String userId, String id, TriggerInput.Values v, String sealedSecret, Instant nextFire) {
        return jdbc.sql("""
                INSERT INTO triggers (id, user_id, name, description, type, config, action, enabled, priority, secret,
                    next_fire)
                VALUES (:id, :user, :name, :description, :type, CAST(:config AS jsonb), CAST(:action AS jsonb), :enabled,
                    :priority, :secret, :next)
                RETURNING *""").param("id", id).param("user", userId).params(values(v)).param("secret", sealedSecret)
                .param("next", timestamp(nextFire)).query((rs, n) -> trigger(rs)).single();
    }

    Optional<Trigger> update(String userId, String id, TriggerInput.Values v, String sealedSecret, Instant nextFire) {
        return jdbc.sql("""
                UPDATE triggers SET name = :name, description = :description, config = CAST(:config AS jsonb),
                    action = CAST(:action AS jsonb), enabled = :enabled, priority = :priority,
                    secret = coalesce(:secret, secret), next_fire = :next, updated_at = now()
                WHERE user_id = :user AND id = :id RETURNING *""").param("id", id).param("user", userId)
                .params(values(v)).param("secret", sealedSecret).param("next", timestamp(nextFire))
                .query((rs, n) -> trigger(rs)).optional();
    }

    private Map<String, Object> values(TriggerInput.Values v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", v.name());
        p.put("description", v.description());
        p.put("type", v.type());
        p.put("config", json.writeValueAsString(v.config()));
        p.put("action", json.writeValueAsString(v.action()));
        p.put("enabled", v.enabled());
        p.put("priority", v.priority());
        return p;
    }

    Optional<Trigger> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM triggers WHERE user_id = :user AND id = :id").param("user", userId)
                .param("id", id).query((rs, n) -> trigger(rs)).optional();
    }

    /** A trigger whatever its user: a webhook delivery or a scheduled fire names only the trigger. */
    Optional<Trigger> findAnyUser(String id) {
        return jdbc.sql("SELECT * FROM triggers WHERE id = :id").param("id", id).query((rs, n) -> trigger(rs)).optional();
    }

    boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM triggers WHERE user_id = :user AND id = :id").param("user", userId)
                .param("id", id).update() > 0;
    }

    List<Trigger> list(String userId, String type, Boolean enabled, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM triggers WHERE user_id = :user AND (CAST(:type AS text) IS NULL OR type = :type)
                    AND (CAST(:enabled AS boolean) IS NULL OR enabled = :enabled)
                ORDER BY priority DESC, created_at, id LIMIT :limit OFFSET :offset""")
                .param("user", userId).param("type", type).param("enabled", enabled).param("limit", limit)
                .param("offset", offset).query((rs, n) -> trigger(rs)).list();
    }

    long count(String userId, String type, Boolean enabled) {
        return jdbc.sql("""
                SELECT count(*) FROM triggers WHERE user_id = :user AND (CAST(:type AS text) IS NULL OR type = :type)
                    AND (CAST(:enabled AS boolean) IS NULL OR enabled = :enabled)""")
                .param("user", userId).param("type", type).param("enabled", enabled).query(Long.class).single();
    }

    /** Enabled event triggers of a user waiting for this event type. */
    List<Trigger> listeningTo(String userId, String eventType) {
        return jdbc.sql("""
                SELECT * FROM triggers WHERE user_id = :user AND type = 'event' AND enabled
                    AND config ->> 'eventType' = :event ORDER BY priority DESC, created_at LIMIT 100""")
                .param("user", userId).param("event", eventType).query((rs, n) -> trigger(rs)).list();
    }

    /** Every enabled trigger Quartz should hold a schedule for, across users (at most {@code limit}). */
    List<Trigger> scheduled(int limit) {
        return jdbc.sql("SELECT * FROM triggers WHERE enabled AND type IN ('schedule', 'condition') ORDER BY id LIMIT :limit")
                .param("limit", limit).query((rs, n) -> trigger(rs)).list();
    }

    List<Trigger> due(String userId) {
        return jdbc.sql("""
                SELECT * FROM triggers WHERE user_id = :user AND enabled AND next_fire <= now()
                ORDER BY priority DESC, next_fire LIMIT 100""").param("user", userId).query((rs, n) -> trigger(rs)).list();
    }

    /** Claims a key once: false when something already fired the trigger for it. */
    boolean claim(String triggerId, String key) {
        return jdbc.sql("INSERT INTO trigger_fire_keys (trigger_id, fire_key) VALUES (:id, :key) ON CONFLICT DO NOTHING")
                .param("id", triggerId).param("key", key).update() == 1;
    }

    void recordFire(String triggerId, Instant nextFire) {
        jdbc.sql("UPDATE triggers SET last_fired = now(), fire_count = fire_count + 1, next_fire = :next WHERE id = :id")
                .param("id", triggerId).param("next", timestamp(nextFire)).update();
    }

    void setNextFire(String triggerId, Instant nextFire) {
        jdbc.sql("UPDATE triggers SET next_fire = :next WHERE id = :id").param("id", triggerId)
                .param("next", timestamp(nextFire)).update();
    }

    void insertHistory(String id, Trigger trigger, String cause, Instant scheduledFor, Instant firedAt, String status,
            JsonNode result, String error, long durationMs) {
        jdbc.sql("""
                INSERT INTO trigger_history (id, trigger_id, user_id, cause, scheduled_for, fired_at, status, result,
                    error, duration_ms)
                VALUES (:id, :trigger, :user, :cause, :scheduled, :fired, :status, CAST(:result AS jsonb), :error, :duration)""")
                .param("id", id).param("trigger", trigger.id()).param("user", trigger.userId()).param("cause", cause)
                .param("scheduled", timestamp(scheduledFor)).param("fired", timestamp(firedAt)).param("status", status)
                .param("result", result == null ? null : json.writeValueAsString(result)).param("error", error)
                .param("duration", (int) Math.min(Integer.MAX_VALUE, durationMs)).update();
    }

    List<HistoryEntry> history(String userId, String triggerId, int limit) {
        return jdbc.sql("""
                SELECT h.*, t.name AS trigger_name FROM trigger_history h JOIN triggers t ON t.id = h.trigger_id
                WHERE h.user_id = :user AND (CAST(:trigger AS text) IS NULL OR h.trigger_id = :trigger)
                ORDER BY h.fired_at DESC, h.id DESC LIMIT :limit""")
                .param("user", userId).param("trigger", triggerId).param("limit", limit)
                .query((rs, n) -> new HistoryEntry(rs.getString("id"), rs.getString("trigger_id"),
                        rs.getString("trigger_name"), rs.getString("cause"), SqlValues.instant(rs, "scheduled_for"),
                        SqlValues.instant(rs, "fired_at"), rs.getString("status"),
                        RawJson.ofNullable(rs.getString("result")), rs.getString("error"),
                        SqlValues.nullableInt(rs, "duration_ms"))).list();
    }

    /** Deletes history and fire keys older than {@code days}; the number of history rows deleted. */
    int cleanup(String userId, int days) {
        jdbc.sql("""
                DELETE FROM trigger_fire_keys k USING triggers t WHERE t.id = k.trigger_id AND t.user_id = :user
                    AND k.created_at < now() - make_interval(days => :days)""").param("user", userId)
                .param("days", days).update();
        return jdbc.sql("DELETE FROM trigger_history WHERE user_id = :user AND fired_at < now() - make_interval(days => :days)")
                .param("user", userId).param("days", days).update();
    }

    Stats stats(String userId) {
        Map<String, Long> byType = UserCounts.by(jdbc, "triggers", "type", userId, TriggerInput.TYPES);
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM triggers WHERE user_id = :user) AS total,
                    (SELECT count(*) FROM triggers WHERE user_id = :user AND enabled) AS enabled,
                    (SELECT coalesce(sum(fire_count), 0) FROM triggers WHERE user_id = :user) AS fires,
                    (SELECT count(*) FROM trigger_history WHERE user_id = :user
                        AND fired_at > now() - interval '7 days') AS week,
                    (SELECT count(*) FROM trigger_history WHERE user_id = :user) AS runs,
                    (SELECT count(*) FROM trigger_history WHERE user_id = :user AND status = 'success') AS ok""")
                .param("user", userId).query((rs, n) -> new Stats(rs.getLong("total"), rs.getLong("enabled"), byType,
                        rs.getLong("fires"), rs.getLong("week"), rs.getLong("runs") == 0 ? 100
                                : Math.round(rs.getLong("ok") * 1000.0 / rs.getLong("runs")) / 10.0)).single();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private Trigger trigger(ResultSet rs) throws SQLException {
        return new Trigger(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("type"), json.readTree(rs.getString("config")),
                json.readTree(rs.getString("action")), rs.getBoolean("enabled"), rs.getInt("priority"),
                SqlValues.instant(rs, "last_fired"), SqlValues.instant(rs, "next_fire"), List.of(),
                rs.getInt("fire_count"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"),
                rs.getString("secret"));
    }
}
