package ownpilot.gateway.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;

/** One row per model request: what was asked, what came back, tokens, latency and error. */
@Repository
class RequestLogRepository {

    static final List<String> TYPES = List.of("chat", "completion", "embedding", "tool", "agent", "other");

    record Entry(String id, String userId, String conversationId, String type, String provider, String model,
            String endpoint, String requestJson, String responseJson, int statusCode, int inputTokens,
            int outputTokens, long durationMs, String error, String ipAddress, String userAgent) {}

    record Filter(String type, Boolean errors, String conversationId) {}

    private final JdbcClient jdbc;

    RequestLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Entry e) {
        jdbc.sql("""
                INSERT INTO request_logs (id, user_id, conversation_id, type, provider, model, endpoint, method,
                    request_body, response_body, status_code, input_tokens, output_tokens, duration_ms, error,
                    ip_address, user_agent)
                VALUES (:id, :user, :conversation, :type, :provider, :model, :endpoint, 'POST',
                    CAST(:request AS jsonb), CAST(:response AS jsonb), :status, :in, :out, :duration, :error, :ip,
                    :agent)""")
                .param("id", e.id()).param("user", e.userId()).param("conversation", e.conversationId())
                .param("type", e.type()).param("provider", e.provider()).param("model", e.model())
                .param("endpoint", e.endpoint()).param("request", e.requestJson())
                .param("response", e.responseJson()).param("status", e.statusCode()).param("in", e.inputTokens())
                .param("out", e.outputTokens()).param("duration", e.durationMs()).param("error", e.error())
                .param("ip", e.ipAddress()).param("agent", e.userAgent()).update();
    }

    /** One logged model call; counts are null where the call reported none. */
    record LogSummary(String id, String type, String conversationId, String provider, String model,
            Integer statusCode, Long durationMs, Integer inputTokens, Integer outputTokens, String error,
            String createdAt) {}

    /**
     * One call in full. {@code errorStack} is always null: the gateway keeps no stack traces, and the
     * Logs page reads the field.
     */
    record LogDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped LogSummary summary, String userId,
            String endpoint, String method, RawJson requestBody, RawJson responseBody, Integer totalTokens,
            String errorStack, String ipAddress, String userAgent) {}

    record LogStats(long totalRequests, long successCount, long errorCount, long avgDurationMs,
            long totalInputTokens, long totalOutputTokens, Map<String, Long> byProvider, Map<String, Long> byType,
            int days) {}

    List<LogSummary> list(String userId, Filter f, int limit, int offset) {
        return jdbc.sql("SELECT * FROM request_logs" + where(f) + " ORDER BY created_at DESC, id "
                        + "LIMIT :limit OFFSET :offset")
                .params(params(userId, f)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> summary(rs)).list();
    }

    long count(String userId, Filter f) {
        return jdbc.sql("SELECT count(*) FROM request_logs" + where(f)).params(params(userId, f))
                .query(Long.class).single();
    }

    Optional<LogDetail> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM request_logs WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).query((rs, n) -> detail(rs)).optional();
    }

    LogStats stats(String userId, int days) {
        return jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE error IS NOT NULL) AS errors,
                    coalesce(round(avg(duration_ms)), 0) AS avg_ms, coalesce(sum(input_tokens), 0) AS input,
                    coalesce(sum(output_tokens), 0) AS output
                FROM request_logs WHERE user_id = :user AND created_at >= now() - make_interval(days => :days)""")
                .param("user", userId).param("days", days)
                .query((rs, n) -> new LogStats(rs.getLong("total"), rs.getLong("total") - rs.getLong("errors"),
                        rs.getLong("errors"), rs.getLong("avg_ms"), rs.getLong("input"), rs.getLong("output"),
                        countBy(userId, days, "provider"), countBy(userId, days, "type"), days))
                .single();
    }

    int deleteAll(String userId) {
        return jdbc.sql("DELETE FROM request_logs WHERE user_id = :user").param("user", userId).update();
    }

    int deleteOlderThan(String userId, int days) {
        return jdbc.sql("DELETE FROM request_logs WHERE user_id = :user "
                        + "AND created_at < now() - make_interval(days => :days)")
                .param("user", userId).param("days", days).update();
    }

    private Map<String, Long> countBy(String userId, int days, String column) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT coalesce(" + column + ", 'unknown') AS k, count(*) AS n FROM request_logs "
                        + "WHERE user_id = :user AND created_at >= now() - make_interval(days => :days) "
                        + "GROUP BY 1 ORDER BY 2 DESC, 1")
                .param("user", userId).param("days", days)
                .query(rs -> {
                    out.put(rs.getString("k"), rs.getLong("n"));
                });
        return out;
    }

    private static String where(Filter f) {
        return " WHERE user_id = :user"
                + (f.type() == null ? "" : " AND type = :type")
                + (f.errors() == null ? "" : f.errors() ? " AND error IS NOT NULL" : " AND error IS NULL")
                + (f.conversationId() == null ? "" : " AND conversation_id = :conversation");
    }

    private static Map<String, Object> params(String userId, Filter f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("user", userId);
        if (f.type() != null) {
            p.put("type", f.type());
        }
        if (f.conversationId() != null) {
            p.put("conversation", f.conversationId());
        }
        return p;
    }

    private static LogSummary summary(ResultSet rs) throws SQLException {
        return new LogSummary(rs.getString("id"), rs.getString("type"), rs.getString("conversation_id"),
                rs.getString("provider"), rs.getString("model"), SqlValues.nullableInt(rs, "status_code"),
                SqlValues.nullableLong(rs, "duration_ms"), SqlValues.nullableInt(rs, "input_tokens"),
                SqlValues.nullableInt(rs, "output_tokens"), rs.getString("error"), SqlValues.instant(rs, "created_at"));
    }

    private static LogDetail detail(ResultSet rs) throws SQLException {
        LogSummary summary = summary(rs);
        Integer total = summary.inputTokens() == null && summary.outputTokens() == null ? null
                : (summary.inputTokens() == null ? 0 : summary.inputTokens())
                        + (summary.outputTokens() == null ? 0 : summary.outputTokens());
        return new LogDetail(summary, rs.getString("user_id"), rs.getString("endpoint"), rs.getString("method"),
                RawJson.ofNullable(rs.getString("request_body")), RawJson.ofNullable(rs.getString("response_body")),
                total, null, rs.getString("ip_address"), rs.getString("user_agent"));
    }
}
