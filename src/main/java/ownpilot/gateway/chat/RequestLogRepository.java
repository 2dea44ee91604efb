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

    List<Map<String, Object>> list(String userId, Filter f, int limit, int offset) {
        return jdbc.sql("SELECT * FROM request_logs" + where(f) + " ORDER BY created_at DESC, id "
                        + "LIMIT :limit OFFSET :offset")
                .params(params(userId, f)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> summary(rs)).list();
    }

    long count(String userId, Filter f) {
        return jdbc.sql("SELECT count(*) FROM request_logs" + where(f)).params(params(userId, f))
                .query(Long.class).single();
    }

    Optional<Map<String, Object>> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM request_logs WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).query((rs, n) -> detail(rs)).optional();
    }

    Map<String, Object> stats(String userId, int days) {
        Map<String, Object> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE error IS NOT NULL) AS errors,
                    coalesce(round(avg(duration_ms)), 0) AS avg_ms, coalesce(sum(input_tokens), 0) AS input,
                    coalesce(sum(output_tokens), 0) AS output
                FROM request_logs WHERE user_id = :user AND created_at >= now() - make_interval(days => :days)""")
                .param("user", userId).param("days", days).query(rs -> {
                    rs.next();
                    long total = rs.getLong("total");
                    long errors = rs.getLong("errors");
                    out.put("totalRequests", total);
                    out.put("errorCount", errors);
                    out.put("successCount", total - errors);
                    out.put("avgDurationMs", rs.getLong("avg_ms"));
                    out.put("totalInputTokens", rs.getLong("input"));
                    out.put("totalOutputTokens", rs.getLong("output"));
                    return out;
                });
        out.put("byProvider", countBy(userId, days, "provider"));
        out.put("byType", countBy(userId, days, "type"));
        out.put("days", days);
        return out;
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

    private static Map<String, Object> summary(ResultSet rs) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rs.getString("id"));
        out.put("type", rs.getString("type"));
        out.put("conversationId", rs.getString("conversation_id"));
        out.put("provider", rs.getString("provider"));
        out.put("model", rs.getString("model"));
        out.put("statusCode", rs.getInt("status_code"));
        out.put("durationMs", rs.getLong("duration_ms"));
        out.put("inputTokens", rs.getInt("input_tokens"));
        out.put("outputTokens", rs.getInt("output_tokens"));
        out.put("error", rs.getString("error"));
        out.put("createdAt", SqlValues.instant(rs, "created_at"));
        return out;
    }

    private static Map<String, Object> detail(ResultSet rs) throws SQLException {
        Map<String, Object> out = summary(rs);
        out.put("userId", rs.getString("user_id"));
        out.put("endpoint", rs.getString("endpoint"));
        out.put("method", rs.getString("method"));
        out.put("requestBody", RawJson.ofNullable(rs.getString("request_body")));
        out.put("responseBody", RawJson.ofNullable(rs.getString("response_body")));
        out.put("totalTokens", rs.getInt("input_tokens") + rs.getInt("output_tokens"));
        out.put("ipAddress", rs.getString("ip_address"));
        out.put("userAgent", rs.getString("user_agent"));
        return out;
    }
}
