package ownpilot.gateway.memories;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.UserCounts;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;
import tools.jackson.databind.json.JsonMapper;

/** Memories in PostgreSQL, the source of truth for the vector index too. */
@Repository
class MemoryRepository {

    /** What a new or changed memory stores. */
    record Values(String type, String content, double importance, List<String> tags, String source, String sourceId,
            String metadataJson, float[] embedding) {}

    /** A row's vector, for the index. */
    record Vector(String id, String userId, String type, float[] embedding) {}

    /** The filters of a listing or a search. */
    record Filter(String type, List<String> tags, Double minImportance) {
        static final Filter NONE = new Filter(null, List.of(), null);
    }

    private static final String COLUMNS = "id, type, content, importance, tags, source, source_id, metadata, "
            + "accessed_count, accessed_at, created_at, updated_at";

    private static final JsonMapper TAGS_JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MemoryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Memory insert(String userId, String id, Values v) {
        return jdbc.sql("INSERT INTO memories (id, user_id, type, content, importance, tags, source, source_id, metadata, "
                        + "embedding, embedding_model) VALUES (:id, :user, :type, :content, :importance, CAST(:tags AS jsonb), "
                        + ":source, :sourceId, CAST(:metadata AS jsonb),  CAST(:embedding AS real[]), :model) RETURNING " + COLUMNS)
                .param("id", id).param("user", userId).param("type", v.type()).param("content", v.content())
                .param("importance", v.importance()).param("tags", json.writeValueAsString(v.tags()))
                .param("source", v.source()).param("sourceId", v.sourceId()).param("metadata", v.metadataJson())
                .param("embedding", boxed(v.embedding())).param("model", Embeddings.MODEL)
                .query((rs, n) -> map(rs)).single();
    }

    /** Inserts many in one transaction: one commit for the whole import. */
    @org.springframework.transaction.annotation.Transactional
    void insertAll(String userId, List<Vector> ids, List<Values> values) {
        for (int i = 0; i < ids.size(); i++) {
            insert(userId, ids.get(i).id(), values.get(i));
        }
    }

    Optional<Memory> update(String userId, String id, Values v) {
        return jdbc.sql("UPDATE memories SET type = :type, content = :content, importance = :importance, "
                        + "tags = CAST(:tags AS jsonb), metadata = CAST(:metadata AS jsonb), embedding = CAST(:embedding AS real[]), "
                        + "embedding_model = :model, updated_at = now() WHERE user_id = :user AND id = :id RETURNING " + COLUMNS)
                .param("id", id).param("user", userId).param("type", v.type()).param("content", v.content())
                .param("importance", v.importance()).param("tags", json.writeValueAsString(v.tags()))
                .param("metadata", v.metadataJson()).param("embedding", boxed(v.embedding()))
                .param("model", Embeddings.MODEL).query((rs, n) -> map(rs)).optional();
    }

    Optional<Memory> find(String userId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** Counts a read: {@code GET /memories/:id} and every recall into a chat turn. */
    void touch(String userId, List<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE memories SET accessed_count = accessed_count + 1, accessed_at = now() "
                            + "WHERE user_id = :user AND id IN (:ids)")
                    .param("user", userId).param("ids", ids).update();
        }
    }

    /** The memories of these ids that pass the filter, keyed by id. */
    Map<String, Memory> byIds(String userId, List<String> ids, Filter f) {
        Map<String, Memory> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM memories" + where(f) + " AND id IN (:ids)")
                .params(params(userId, f)).param("ids", ids)
                .query((rs, n) -> map(rs)).list().forEach(m -> out.put(m.id(), m));
        return out;
    }

    boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM memories WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).update() > 0;
    }

    Optional<Memory> boost(String userId, String id, double amount) {
        return jdbc.sql("UPDATE memories SET importance = least(1, greatest(0, importance + :amount)), updated_at = now() "
                        + "WHERE user_id = :user AND id = :id RETURNING " + COLUMNS)
                .param("amount", amount).param("user", userId).param("id", id).query((rs, n) -> map(rs)).optional();
    }

    List<Memory> list(String userId, Filter f, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories" + where(f)
                        + " ORDER BY importance DESC, updated_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params(userId, f)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> map(rs)).list();
    }

    /** Whether the user has any memory: a turn of a user without any embeds nothing. */
    boolean any(String userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM memories WHERE user_id = :user)").param("user", userId)
                .query(Boolean.class).single();
    }

    long count(String userId, Filter f) {
        return jdbc.sql("SELECT count(*) FROM memories" + where(f)).params(params(userId, f)).query(Long.class).single();
    }

    /** At most this many full-text matches are ranked: past it, ranking cost grew with the store (33 ms at 100k). */
    static final int MAX_TEXT_CANDIDATES = 200;

    /**
     * Ids ranked by full-text match of {@code tsquery} (an OR of plain words), best first. Only the first
     * {@value #MAX_TEXT_CANDIDATES} matches the index yields are ranked: a query of common words in a very
     * large store ranks a sample of its matches, and the vector search still covers meaning.
     */
    List<String> textMatches(String userId, String tsquery, Filter f, int limit) {
        return jdbc.sql("SELECT id FROM (SELECT id, search, importance FROM memories" + where(f)
                        + " AND search @@ to_tsquery('english', :q) LIMIT " + MAX_TEXT_CANDIDATES + ") candidates "
                        + "ORDER BY ts_rank_cd(search, to_tsquery('english', :q)) DESC, importance DESC, id LIMIT :limit")
                .params(params(userId, f)).param("q", tsquery).param("limit", limit).query(String.class).list();
    }


    Optional<Vector> vector(String id) {
        return jdbc.sql("SELECT id, user_id, type, embedding FROM memories WHERE id = :id AND embedding IS NOT NULL")
                .param("id", id).query((rs, n) -> vectorOf(rs)).optional();
    }

    Optional<float[]> embedding(String userId, String id) {
        return jdbc.sql("SELECT embedding FROM memories WHERE user_id = :user AND id = :id AND embedding IS NOT NULL")
                .param("user", userId).param("id", id).query((rs, n) -> floats(rs.getArray("embedding"))).optional();
    }

    /** Every stored vector made by the current model (of one user, or all when null), in pages, for the index. */
    void eachVector(String userId, Consumer<Vector> action) {
        String after = "";
        while (true) {
            List<Vector> page = jdbc.sql("SELECT id, user_id, type, embedding FROM memories WHERE id > :after "
                            + "AND embedding IS NOT NULL AND embedding_model = :model"
                            + (userId == null ? "" : " AND user_id = :user") + " ORDER BY id LIMIT 2000")
                    .param("after", after).param("model", Embeddings.MODEL).param("user", userId)
                    .query((rs, n) -> vectorOf(rs)).list();
            page.forEach(action);
            if (page.size() < 2000) {
                return;
            }
            after = page.getLast().id();
        }
    }

    /** Rows without a vector of the current model (new, or made by another model): to embed again. */
    List<Map.Entry<String, String>> needingEmbedding(int limit) {
        return jdbc.sql("SELECT id, content FROM memories WHERE embedding IS NULL OR embedding_model IS DISTINCT FROM :model "
                        + "ORDER BY id LIMIT :limit")
                .param("model", Embeddings.MODEL).param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getString("id"), rs.getString("content"))).list();
    }

    void setEmbedding(String id, float[] embedding) {
        jdbc.sql("UPDATE memories SET embedding = CAST(:embedding AS real[]), embedding_model = :model WHERE id = :id")
                .param("embedding", boxed(embedding)).param("model", Embeddings.MODEL).param("id", id).update();
    }

    record Stats(long total, Map<String, Long> byType, double avgImportance, long recentCount) {}

    Stats stats(String userId) {
        Map<String, Long> byType = UserCounts.by(jdbc, "memories", "type", userId, Memory.TYPES);
        return jdbc.sql("SELECT count(*) AS total, coalesce(avg(importance), 0) AS avg, "
                        + "count(*) FILTER (WHERE created_at > now() - interval '7 days') AS recent "
                        + "FROM memories WHERE user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Stats(rs.getLong("total"), byType, Math.round(rs.getDouble("avg") * 1000) / 1000.0,
                        rs.getLong("recent")))
                .single();
    }

    /** Importance × factor for memories older than {@code days} and not read for as long; {@code userId} null for all users. */
    int decay(String userId, int days, double factor) {
        return jdbc.sql("UPDATE memories SET importance = importance * :factor, updated_at = now() WHERE importance > 0.1 "
                        + "AND created_at < now() - make_interval(days => :days) "
                        + "AND coalesce(accessed_at, created_at) < now() - make_interval(days => :days)"
                        + (userId == null ? "" : " AND user_id = :user"))
                .param("factor", factor).param("days", days).param("user", userId).update();
    }

    /** Ids deleted: importance below {@code minImportance}, older than {@code days} and not read for as long. */
    List<String> cleanup(String userId, int days, double minImportance) {
        return jdbc.sql("DELETE FROM memories WHERE importance < :min AND created_at < now() - make_interval(days => :days) "
                        + "AND coalesce(accessed_at, created_at) < now() - make_interval(days => :days)"
                        + (userId == null ? "" : " AND user_id = :user") + " RETURNING id")
                .param("min", minImportance).param("days", days).param("user", userId).query(String.class).list();
    }

    private static String where(Filter f) {
        StringBuilder w = new StringBuilder(" WHERE user_id = :user");
        if (f.type() != null) {
            w.append(" AND type = :type");
        }
        if (f.minImportance() != null) {
            w.append(" AND importance >= :minImportance");
        }
        if (!f.tags().isEmpty()) {
            w.append(" AND tags @> CAST(:tags AS jsonb)");
        }
        return w.toString();
    }

    private static Map<String, Object> params(String userId, Filter f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("user", userId);
        if (f.type() != null) {
            p.put("type", f.type());
        }
        if (f.minImportance() != null) {
            p.put("minImportance", f.minImportance());
        }
        if (!f.tags().isEmpty()) {
            p.put("tags", TAGS_JSON.writeValueAsString(f.tags()));
        }
        return p;
    }

    private Memory map(ResultSet rs) throws SQLException {
        List<String> tags = new ArrayList<>();
        json.readTree(rs.getString("tags")).forEach(t -> tags.add(t.asString()));
        return new Memory(rs.getString("id"), rs.getString("type"), rs.getString("content"), rs.getDouble("importance"),
                tags, rs.getString("source"), rs.getString("source_id"), new RawJson(rs.getString("metadata")),
                rs.getInt("accessed_count"), SqlValues.instant(rs, "accessed_at"), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }

    private static Vector vectorOf(ResultSet rs) throws SQLException {
        return new Vector(rs.getString("id"), rs.getString("user_id"), rs.getString("type"),
                floats(rs.getArray("embedding")));
    }

    /** A PostgreSQL array literal: bound as text and cast, since a Java array parameter would be expanded. */
    private static String boxed(float[] v) {
        if (v == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(v.length * 12).append('{');
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.append('}').toString();
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }
}
