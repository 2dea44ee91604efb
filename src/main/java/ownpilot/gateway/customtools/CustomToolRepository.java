package ownpilot.gateway.customtools;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import ownpilot.gateway.shared.SqlValues;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.SharedCaches;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CustomToolRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final SharedCaches.Named<List<CustomTool>> active;

    CustomToolRepository(JdbcClient jdbc, JsonMapper json, SharedCaches caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.active = caches.cache("custom-tools-active", 10_000);
    }

    /**
     * The user's active tools, for their definitions (the usage counts in it may be behind). Read on
     * every chat turn and tool list, so cached, and dropped by every write here.
     */
    List<CustomTool> active(String userId) {
        return active.get(userId, u -> list(u, Map.of("status", "active"), new Paging(Paging.MAX_LIMIT, 0)));
    }

    private <T> T changed(String userId, T result) {
        active.invalidate(userId);
        return result;
    }

    CustomTool insert(String id, String userId, CustomTool t) {
        return changed(userId, jdbc.sql("""
                INSERT INTO custom_tools (id, user_id, name, description, parameters, code, category, status,
                    permissions, requires_approval, created_by)
                VALUES (:id, :user, :name, :description, CAST(:parameters AS jsonb), :code, :category, :status,
                    CAST(:permissions AS jsonb), :requiresApproval, :createdBy)
                RETURNING *""")
                .param("id", id).param("user", userId).param("name", t.name()).param("description", t.description())
                .param("parameters", t.parameters().toString()).param("code", t.code())
                .param("category", t.category()).param("status", t.status())
                .param("permissions", json.writeValueAsString(t.permissions()))
                .param("requiresApproval", t.requiresApproval()).param("createdBy", t.createdBy())
                .query((rs, n) -> map(rs)).single());
    }

    /** Writes the editable fields; the version goes up when the code changes. */
    Optional<CustomTool> update(String userId, String id, CustomTool t) {
        return changed(userId, jdbc.sql("""
                UPDATE custom_tools SET description = :description, parameters = CAST(:parameters AS jsonb),
                    version = version + CASE WHEN code <> :code THEN 1 ELSE 0 END, code = :code, category = :category,
                    status = :status, permissions = CAST(:permissions AS jsonb), requires_approval = :requiresApproval,
                    updated_at = now()
                WHERE user_id = :user AND id = :id RETURNING *""")
                .param("description", t.description()).param("parameters", t.parameters().toString())
                .param("code", t.code()).param("category", t.category()).param("status", t.status())
                .param("permissions", json.writeValueAsString(t.permissions()))
                .param("requiresApproval", t.requiresApproval()).param("user", userId).param("id", id)
                .query((rs, n) -> map(rs)).optional());
    }

    Optional<CustomTool> setStatus(String userId, String id, String status) {
        return changed(userId, jdbc.sql("UPDATE custom_tools SET status = :status, updated_at = now() "
                        + "WHERE user_id = :user AND id = :id RETURNING *")
                .param("status", status).param("user", userId).param("id", id).query((rs, n) -> map(rs)).optional());
    }

    Optional<CustomTool> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM custom_tools WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<CustomTool> findByName(String userId, String name) {
        return jdbc.sql("SELECT * FROM custom_tools WHERE user_id = :user AND name = :name")
                .param("user", userId).param("name", name).query((rs, n) -> map(rs)).optional();
    }

    List<CustomTool> list(String userId, Map<String, String> filters, Paging paging) {
        List<String> conditions = new ArrayList<>();
        filters.forEach((column, value) -> conditions.add(column + " = :" + column));
        return jdbc.sql("SELECT * FROM custom_tools WHERE user_id = :user"
                        + (conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions))
                        + " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset")
                .param("user", userId).params(Map.copyOf(filters))
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query((rs, n) -> map(rs)).list();
    }

    boolean delete(String userId, String id) {
        return changed(userId, jdbc.sql("DELETE FROM custom_tools WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).update() > 0);
    }

    void countUse(String userId, String name) {
        jdbc.sql("UPDATE custom_tools SET usage_count = usage_count + 1, last_used_at = now() "
                        + "WHERE user_id = :user AND name = :name")
                .param("user", userId).param("name", name).update();
    }

    record Stats(long total, long active, long disabled, long pendingApproval, long rejected, long createdByLLM,
            long createdByUser, long totalUsage) {}

    Stats stats(String userId) {
        return jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE status = 'active') AS active,
                    count(*) FILTER (WHERE status = 'disabled') AS disabled,
                    count(*) FILTER (WHERE status = 'pending_approval') AS pending,
                    count(*) FILTER (WHERE status = 'rejected') AS rejected,
                    count(*) FILTER (WHERE created_by = 'llm') AS by_llm,
                    count(*) FILTER (WHERE created_by = 'user') AS by_user,
                    coalesce(sum(usage_count), 0) AS usage
                FROM custom_tools WHERE user_id = :user""")
                .param("user", userId)
                .query((rs, n) -> new Stats(rs.getLong("total"), rs.getLong("active"), rs.getLong("disabled"),
                        rs.getLong("pending"), rs.getLong("rejected"), rs.getLong("by_llm"), rs.getLong("by_user"),
                        rs.getLong("usage")))
                .single();
    }

    private CustomTool map(ResultSet rs) throws SQLException {
        List<String> permissions = new ArrayList<>();
        json.readTree(rs.getString("permissions")).forEach(p -> permissions.add(p.asString()));
        return new CustomTool(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                json.readTree(rs.getString("parameters")), rs.getString("code"), rs.getString("category"),
                rs.getString("status"), permissions, rs.getBoolean("requires_approval"), rs.getString("created_by"),
                rs.getInt("version"), rs.getInt("usage_count"), SqlValues.instant(rs, "last_used_at"), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }
}
