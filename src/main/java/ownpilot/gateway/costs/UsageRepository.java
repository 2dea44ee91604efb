package ownpilot.gateway.costs;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.SqlValues;

@Repository
class UsageRepository {

    /** Totals over some records. */
    record Totals(long requests, long successes, long inputTokens, long outputTokens, double cost, double latency) {}

    private static final String TOTALS = "count(*) AS requests, count(*) FILTER (WHERE success) AS successes, "
            + "coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output, "
            + "coalesce(sum(cost), 0) AS cost, coalesce(avg(latency_ms), 0) AS latency";

    private final JdbcClient jdbc;

    UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, Usage u, double cost) {
        jdbc.sql("""
                INSERT INTO usage_records (id, user_id, provider, model, conversation_id, request_type, input_tokens,
                    output_tokens, cost, latency_ms, success, error, actor_type, actor_id, correlation_id)
                VALUES (:id, :user, :provider, :model, :conversation, :type, :input, :output, :cost, :latency,
                    :success, :error, :actorType, :actorId, :correlation)""")
                .param("id", id).param("user", u.userId()).param("actorType", u.actor().typeName())
                .param("actorId", u.actor().id()).param("correlation", u.actor().correlationId()).param("provider", u.provider()).param("model", u.model())
                .param("conversation", u.conversationId()).param("type", u.requestType())
                .param("input", u.inputTokens()).param("output", u.outputTokens()).param("cost", cost)
                .param("latency", (int) Math.min(Integer.MAX_VALUE, u.latencyMs())).param("success", u.error() == null)
                .param("error", u.error()).update();
    }

    Totals totals(String userId, OffsetDateTime from) {
        return jdbc.sql("SELECT " + TOTALS + " FROM usage_records WHERE user_id = :user AND created_at >= :from")
                .param("user", userId).param("from", from)
                .query((rs, n) -> new Totals(rs.getLong("requests"), rs.getLong("successes"), rs.getLong("input"),
                        rs.getLong("output"), rs.getDouble("cost"), rs.getDouble("latency")))
                .single();
    }

    double spent(String userId, OffsetDateTime from) {
        return jdbc.sql("SELECT coalesce(sum(cost), 0) FROM usage_records WHERE user_id = :user AND created_at >= :from")
                .param("user", userId).param("from", from).query(Double.class).single();
    }

    /** Totals grouped by the given trusted column list (e.g. {@code provider} or {@code provider, model}). */
    List<Map<String, Object>> groupedBy(String userId, OffsetDateTime from, String columns) {
        return jdbc.sql("SELECT " + columns + ", " + TOTALS + " FROM usage_records WHERE user_id = :user "
                        + "AND created_at >= :from GROUP BY " + columns + " ORDER BY cost DESC, " + columns)
                .param("user", userId).param("from", from)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String c : columns.split(",\\s*")) {
                        row.put(c, rs.getString(c));
                    }
                    row.put("requests", rs.getLong("requests"));
                    row.put("inputTokens", rs.getLong("input"));
                    row.put("outputTokens", rs.getLong("output"));
                    row.put("cost", rs.getDouble("cost"));
                    row.put("costFormatted", Money.format(rs.getDouble("cost")));
                    row.put("averageLatencyMs", Math.round(rs.getDouble("latency")));
                    return row;
                }).list();
    }

    /** Cost per day in the given zone, for days that have records. */
    Map<String, Totals> daily(String userId, OffsetDateTime from, String zone) {
        Map<String, Totals> out = new LinkedHashMap<>();
        jdbc.sql("SELECT to_char(created_at AT TIME ZONE :zone, 'YYYY-MM-DD') AS day, " + TOTALS
                        + " FROM usage_records WHERE user_id = :user AND created_at >= :from GROUP BY 1 ORDER BY 1")
                .param("zone", zone).param("user", userId).param("from", from)
                .query((rs, n) -> out.put(rs.getString("day"), new Totals(rs.getLong("requests"),
                        rs.getLong("successes"), rs.getLong("input"), rs.getLong("output"), rs.getDouble("cost"),
                        rs.getDouble("latency"))))
                .list();
        return out;
    }

    List<Map<String, Object>> records(String userId, String provider, String model, Paging paging) {
        return jdbc.sql("SELECT * FROM usage_records WHERE user_id = :user"
                        + (provider == null ? "" : " AND provider = :provider") + (model == null ? "" : " AND model = :model")
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("user", userId).param("provider", provider).param("model", model)
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query((rs, n) -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", rs.getString("id"));
                    r.put("timestamp", SqlValues.instant(rs, "created_at"));
                    r.put("provider", rs.getString("provider"));
                    r.put("model", rs.getString("model"));
                    r.put("conversationId", rs.getString("conversation_id"));
                    r.put("requestType", rs.getString("request_type"));
                    r.put("inputTokens", rs.getInt("input_tokens"));
                    r.put("outputTokens", rs.getInt("output_tokens"));
                    r.put("cost", rs.getDouble("cost"));
                    r.put("costFormatted", Money.format(rs.getDouble("cost")));
                    r.put("latencyMs", rs.getInt("latency_ms"));
                    r.put("success", rs.getBoolean("success"));
                    r.put("error", rs.getString("error"));
                    return r;
                }).list();
    }

    long count(String userId) {
        return jdbc.sql("SELECT count(*) FROM usage_records WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
    }
}
