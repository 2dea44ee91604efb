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

    /** Spend of one provider, or of one model ({@code model} set); {@code percentOfTotal} of the period's spend. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Group(String provider, String model, long requests, long inputTokens, long outputTokens, double cost,
            String costFormatted, long averageLatencyMs, double percentOfTotal) {

        Group withShareOf(double total) {
            return new Group(provider, model, requests, inputTokens, outputTokens, cost, costFormatted,
                    averageLatencyMs, total == 0 ? 0 : Math.round(cost / total * 1000) / 10.0);
        }
    }

    /** One model call's usage. */
    record UsageRecord(String id, String timestamp, String provider, String model, String conversationId,
            String requestType, int inputTokens, int outputTokens, double cost, String costFormatted, int latencyMs,
            boolean success, String error) {}

    /** Totals grouped by the given trusted column list ({@code provider} or {@code provider, model}). */
    List<Group> groupedBy(String userId, OffsetDateTime from, String columns) {
        boolean byModel = columns.contains("model");
        return jdbc.sql("SELECT " + columns + ", " + TOTALS + " FROM usage_records WHERE user_id = :user "
                        + "AND created_at >= :from GROUP BY " + columns + " ORDER BY cost DESC, " + columns)
                .param("user", userId).param("from", from)
                .query((rs, n) -> new Group(rs.getString("provider"), byModel ? rs.getString("model") : null,
                        rs.getLong("requests"), rs.getLong("input"), rs.getLong("output"), rs.getDouble("cost"),
                        Money.format(rs.getDouble("cost")), Math.round(rs.getDouble("latency")), 0))
                .list();
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

    List<UsageRecord> records(String userId, String provider, String model, Paging paging) {
        return jdbc.sql("SELECT * FROM usage_records WHERE user_id = :user"
                        + (provider == null ? "" : " AND provider = :provider") + (model == null ? "" : " AND model = :model")
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("user", userId).param("provider", provider).param("model", model)
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query((rs, n) -> new UsageRecord(rs.getString("id"), SqlValues.instant(rs, "created_at"),
                        rs.getString("provider"), rs.getString("model"), rs.getString("conversation_id"),
                        rs.getString("request_type"), rs.getInt("input_tokens"), rs.getInt("output_tokens"),
                        rs.getDouble("cost"), Money.format(rs.getDouble("cost")), rs.getInt("latency_ms"),
                        rs.getBoolean("success"), rs.getString("error")))
                .list();
    }

    long count(String userId) {
        return jdbc.sql("SELECT count(*) FROM usage_records WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
    }
}
