package ownpilot.gateway.shared.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.Paging;

/**
 * Generic CRUD over a {@link RecordSchema}'s table. Every statement is scoped by {@code user_id};
 * column names come only from the schema, values only from bound parameters.
 */
@Component
public class RecordStore {

    private final JdbcClient jdbc;

    public RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Object> insert(RecordSchema schema, String userId, String id, Map<String, Object> values) {
        List<String> columns = new ArrayList<>(List.of("id", "user_id"));
        List<String> placeholders = new ArrayList<>(List.of(":id", ":user_id"));
        values.keySet().forEach(c -> {
            columns.add(c);
            placeholders.add(schema.placeholder(c));
        });
        var spec = jdbc.sql("INSERT INTO " + schema.table() + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", placeholders) + ") RETURNING *")
                .param("id", id)
                .param("user_id", userId);
        for (var e : values.entrySet()) {
            spec = spec.param(e.getKey(), schema.bindable(e.getValue()));
        }
        return spec.query(mapper(schema)).single();
    }

    public Optional<Map<String, Object>> find(RecordSchema schema, String userId, String id) {
        return jdbc.sql("SELECT * FROM " + schema.table() + " WHERE user_id = :user_id AND id = :id")
                .param("user_id", userId)
                .param("id", id)
                .query(mapper(schema))
                .optional();
    }

    /**
     * Writes the given columns plus trusted extra assignments (e.g. a derived completion time) and
     * returns the updated row, or empty when no such record belongs to the user.
     */
    public Optional<Map<String, Object>> update(RecordSchema schema, String userId, String id,
            Map<String, Object> values, List<String> extraAssignments) {
        List<String> assignments = new ArrayList<>();
        values.keySet().forEach(c -> assignments.add(c + " = " + schema.placeholder(c)));
        assignments.addAll(extraAssignments);
        assignments.add("updated_at = now()");
        var spec = jdbc.sql("UPDATE " + schema.table() + " SET " + String.join(", ", assignments)
                        + " WHERE user_id = :user_id AND id = :id RETURNING *")
                .param("user_id", userId)
                .param("id", id);
        for (var e : values.entrySet()) {
            spec = spec.param(e.getKey(), schema.bindable(e.getValue()));
        }
        return spec.query(mapper(schema)).optional();
    }

    public boolean delete(RecordSchema schema, String userId, String id) {
        return jdbc.sql("DELETE FROM " + schema.table() + " WHERE user_id = :user_id AND id = :id")
                .param("user_id", userId)
                .param("id", id)
                .update() > 0;
    }

    public List<Map<String, Object>> list(RecordSchema schema, String userId, SqlFilter filter, String orderBy,
            Paging paging) {
        return jdbc.sql("SELECT * FROM " + schema.table() + " WHERE user_id = :user_id" + filter.sql()
                        + " ORDER BY " + orderBy + " LIMIT :p_limit OFFSET :p_offset")
                .param("user_id", userId)
                .params(filter.params())
                .param("p_limit", paging.limit())
                .param("p_offset", paging.offset())
                .query(mapper(schema))
                .list();
    }

    /** Distinct non-empty values of a text column, sorted, e.g. the categories in use. */
    public List<String> distinct(RecordSchema schema, String userId, String column) {
        return jdbc.sql("SELECT DISTINCT " + column + " FROM " + schema.table() + " WHERE user_id = :user_id AND "
                        + column + " IS NOT NULL AND " + column + " <> '' ORDER BY 1")
                .param("user_id", userId)
                .query(String.class)
                .list();
    }

    private static RowMapper<Map<String, Object>> mapper(RecordSchema schema) {
        return (rs, row) -> schema.toJson(rs);
    }
}
