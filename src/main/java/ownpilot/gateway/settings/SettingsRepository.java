package ownpilot.gateway.settings;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.SharedCaches;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only class that touches the {@code settings} table. Values are read on every chat turn (memory
 * mode, sandbox settings, keys), so each is cached as its stored text, parsed anew on each read (a
 * caller may change the node it gets), and dropped from the cache by every write here.
 */
@Repository
class SettingsRepository {

    /** The cached form of "no such setting". */
    private static final String ABSENT = "\u0000";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SharedCaches.Named<String> values;

    SettingsRepository(JdbcClient jdbc, JsonMapper json, SharedCaches caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.values = caches.cache("settings", 50_000);
    }

    Optional<JsonNode> find(String userId, String key) {
        String stored = values.get(cacheKey(userId, key), k -> jdbc
                .sql("SELECT value::text FROM settings WHERE user_id = :user AND key = :key")
                .param("user", userId)
                .param("key", key)
                .query(String.class)
                .optional()
                .orElse(ABSENT));
        return stored.equals(ABSENT) ? Optional.empty() : Optional.of(json.readTree(stored));
    }

    private static String cacheKey(String userId, String key) {
        return userId + '\n' + key;
    }

    void put(String userId, String key, JsonNode value) {
        jdbc.sql("""
                INSERT INTO settings (user_id, key, value, updated_at) VALUES (:user, :key, CAST(:value AS jsonb), now())
                ON CONFLICT (user_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()""")
                .param("user", userId)
                .param("key", key)
                .param("value", value.toString())
                .update();
        values.invalidate(cacheKey(userId, key));
    }

    boolean delete(String userId, String key) {
        boolean deleted = jdbc.sql("DELETE FROM settings WHERE user_id = :user AND key = :key")
                .param("user", userId)
                .param("key", key)
                .update() > 0;
        values.invalidate(cacheKey(userId, key));
        return deleted;
    }

    /** Keys that start with the prefix, sorted; the prefix is matched literally. */
    List<String> keysWithPrefix(String userId, String prefix) {
        return jdbc.sql("SELECT key FROM settings WHERE user_id = :user AND left(key, :len) = :prefix ORDER BY key")
                .param("user", userId)
                .param("len", prefix.length())
                .param("prefix", prefix)
                .query(String.class)
                .list();
    }
}
