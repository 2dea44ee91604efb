package ownpilot.gateway.settings;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SettingsRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SettingsRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<JsonNode> find(String userId, String key) {
        return jdbc.sql("SELECT value::text FROM settings WHERE user_id = :user AND key = :key")
                .param("user", userId)
                .param("key", key)
                .query(String.class)
                .optional()
                .map(json::readTree);
    }

    void put(String userId, String key, JsonNode value) {
        jdbc.sql("""
                INSERT INTO settings (user_id, key, value, updated_at) VALUES (:user, :key, CAST(:value AS jsonb), now())
                ON CONFLICT (user_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()""")
                .param("user", userId)
                .param("key", key)
                .param("value", value.toString())
                .update();
    }

    boolean delete(String userId, String key) {
        return jdbc.sql("DELETE FROM settings WHERE user_id = :user AND key = :key")
                .param("user", userId)
                .param("key", key)
                .update() > 0;
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
