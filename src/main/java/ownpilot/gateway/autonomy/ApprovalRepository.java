package ownpilot.gateway.autonomy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import ownpilot.gateway.shared.SqlValues;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ApprovalRepository {

    private static final String COLUMNS = "id, tool, arguments::text AS arguments, risk::text AS risk, status, reason, "
            + "actor_type, actor_id, correlation_id, result::text AS result, created_at, expires_at, decided_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApprovalRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String id, String userId, String tool, JsonNode arguments, String argumentsHash, JsonNode risk,
            String actorType, String actorId, String correlationId, int ttlSeconds) {
        jdbc.sql("""
                INSERT INTO approvals (id, user_id, tool, arguments, arguments_hash, risk, actor_type, actor_id,
                    correlation_id, expires_at)
                VALUES (:id, :user, :tool, CAST(:args AS jsonb), :hash, CAST(:risk AS jsonb), :actorType, :actorId,
                    :correlation, now() + make_interval(secs => :ttl))""")
                .param("id", id).param("user", userId).param("tool", tool).param("args", arguments.toString())
                .param("hash", argumentsHash).param("risk", risk.toString()).param("actorType", actorType)
                .param("actorId", actorId).param("correlation", correlationId).param("ttl", ttlSeconds)
                .update();
    }

    Optional<Approval> find(String userId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approvals WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).query((rs, n) -> map(rs)).optional();
    }

    List<Approval> pending(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approvals WHERE user_id = :user AND status = 'pending' "
                        + "AND expires_at > now() ORDER BY created_at LIMIT 500")
                .param("user", userId).query((rs, n) -> map(rs)).list();
    }

    /** Marks overdue pending approvals expired and returns them, so each expiry is audited once. */
    List<Approval> expireOverdue(String userId) {
        return jdbc.sql("UPDATE approvals SET status = 'expired', decided_at = now(), reason = 'Timed out' "
                        + "WHERE user_id = :user AND status = 'pending' AND expires_at <= now() RETURNING " + COLUMNS)
                .param("user", userId).query((rs, n) -> map(rs)).list();
    }

    /** Moves a live pending approval to a decision; empty when it was not pending or has expired. */
    Optional<Approval> decide(String userId, String id, String status, String reason) {
        return jdbc.sql("UPDATE approvals SET status = :status, reason = :reason, decided_at = now() "
                        + "WHERE user_id = :user AND id = :id AND status = 'pending' AND expires_at > now() RETURNING "
                        + COLUMNS)
                .param("status", status).param("reason", reason).param("user", userId).param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    Approval saveResult(String userId, String id, JsonNode result) {
        return jdbc.sql("UPDATE approvals SET result = CAST(:result AS jsonb) WHERE user_id = :user AND id = :id "
                        + "RETURNING " + COLUMNS)
                .param("result", result.toString()).param("user", userId).param("id", id)
                .query((rs, n) -> map(rs)).single();
    }

    void grant(String id, String userId, String tool, String argumentsHash, String approvalId, int minutes) {
        jdbc.sql("""
                INSERT INTO autonomy_grants (id, user_id, tool, arguments_hash, approval_id, expires_at)
                VALUES (:id, :user, :tool, :hash, :approval, now() + make_interval(mins => :minutes))""")
                .param("id", id).param("user", userId).param("tool", tool).param("hash", argumentsHash)
                .param("approval", approvalId).param("minutes", minutes).update();
    }

    /** A live grant for this tool, for these exact arguments or for any arguments. */
    boolean hasGrant(String userId, String tool, String argumentsHash) {
        return jdbc.sql("SELECT count(*) FROM autonomy_grants WHERE user_id = :user AND tool = :tool "
                        + "AND expires_at > now() AND (arguments_hash IS NULL OR arguments_hash = :hash)")
                .param("user", userId).param("tool", tool).param("hash", argumentsHash)
                .query(Long.class).single() > 0;
    }

    private Approval map(ResultSet rs) throws SQLException {
        String result = rs.getString("result");
        return new Approval(rs.getString("id"), rs.getString("tool"), json.readTree(rs.getString("arguments")),
                json.readTree(rs.getString("risk")), rs.getString("status"), rs.getString("reason"),
                rs.getString("actor_type"), rs.getString("actor_id"), rs.getString("correlation_id"),
                result == null ? null : json.readTree(result), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "expires_at"),
                SqlValues.instant(rs, "decided_at"));
    }
}
