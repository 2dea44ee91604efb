package ownpilot.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import ownpilot.gateway.shared.SqlValues;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String id, AuditEntry e) {
        jdbc.sql("""
                INSERT INTO audit_events (id, user_id, type, severity, severity_rank, actor_type, actor_id,
                    resource_type, resource_id, outcome, details, correlation_id, duration_ms, created_at)
                VALUES (:id, :user, :type, :severity, :rank, :actorType, :actorId, :resourceType, :resourceId,
                    :outcome, CAST(:details AS jsonb), :correlation, :duration,
                    COALESCE(CAST(:at AS timestamptz), clock_timestamp()))""")
                .param("at", e.occurredAt() == null ? null : java.sql.Timestamp.from(e.occurredAt()))
                .param("id", id).param("user", e.userId()).param("type", e.type())
                .param("severity", e.severity().name()).param("rank", e.severity().ordinal())
                .param("actorType", e.actorType()).param("actorId", e.actorId())
                .param("resourceType", e.resourceType()).param("resourceId", e.resourceId())
                .param("outcome", e.success() ? "success" : "failure")
                .param("details", json.writeValueAsString(e.details() == null ? Map.of() : e.details()))
                .param("correlation", e.correlationId())
                .param("duration", e.durationMs() == null ? null : (int) Math.min(Integer.MAX_VALUE, e.durationMs()))
                .update();
    }

    record Ref(String type, String id) {}

    /** One record of the trail; {@code metadata} is the stored details object. */
    record AuditRecord(String id, String type, Ref actor, Ref resource, String outcome, String severity,
            String timestamp, String correlationId, Long duration, RawJson metadata) {}

    List<AuditRecord> find(String userId, AuditQuery query, Paging paging) {
        return jdbc.sql("SELECT * FROM audit_events WHERE user_id = :user" + query.sql()
                        + " ORDER BY created_at " + (query.ascending() ? "ASC" : "DESC") + ", id "
                        + (query.ascending() ? "ASC" : "DESC") + " LIMIT :limit OFFSET :offset")
                .param("user", userId).params(query.params())
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query((rs, n) -> toJson(rs)).list();
    }

    long count(String userId, AuditQuery query) {
        return jdbc.sql("SELECT count(*) FROM audit_events WHERE user_id = :user" + query.sql())
                .param("user", userId).params(query.params()).query(Long.class).single();
    }

    Map<String, Long> countBy(String userId, String column) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + " AS k, count(*) AS n FROM audit_events WHERE user_id = :user GROUP BY 1 ORDER BY 1")
                .param("user", userId)
                .query((rs, n) -> out.put(rs.getString("k"), rs.getLong("n"))).list();
        return out;
    }

    record Range(String oldest, String newest) {}

    Range range(String userId) {
        return jdbc.sql("SELECT min(created_at) AS oldest, max(created_at) AS newest FROM audit_events WHERE user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Range(SqlValues.instant(rs, "oldest"), SqlValues.instant(rs, "newest"))).single();
    }

    int deleteAll(String userId) {
        return jdbc.sql("DELETE FROM audit_events WHERE user_id = :user").param("user", userId).update();
    }

    int deleteBefore(String userId, OffsetDateTime before) {
        return jdbc.sql("DELETE FROM audit_events WHERE user_id = :user AND created_at < :before")
                .param("user", userId).param("before", before).update();
    }

    private static AuditRecord toJson(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getString("id"), rs.getString("type"),
                new Ref(rs.getString("actor_type"), rs.getString("actor_id")),
                new Ref(rs.getString("resource_type"), rs.getString("resource_id")), rs.getString("outcome"),
                rs.getString("severity"), SqlValues.instant(rs, "created_at"), rs.getString("correlation_id"),
                SqlValues.nullableLong(rs, "duration_ms"), new RawJson(rs.getString("details")));
    }
}
