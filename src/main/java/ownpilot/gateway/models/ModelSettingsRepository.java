package ownpilot.gateway.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Per-user model settings (overrides of catalog models, or models the user added) and custom providers. */
@Repository
class ModelSettingsRepository {

    /** {@code null} fields keep the catalog's value. */
    record Setting(String providerId, String modelId, String displayName, List<String> capabilities,
            Double inputPrice, Double outputPrice, Integer contextWindow, Integer maxOutput, boolean isEnabled,
            boolean isCustom) {}

    record CustomProvider(String id, String name, String baseUrl, String apiKeyEnv, boolean isEnabled) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final EndpointCache endpoints;

    ModelSettingsRepository(JdbcClient jdbc, JsonMapper json, EndpointCache endpoints) {
        this.jdbc = jdbc;
        this.json = json;
        this.endpoints = endpoints;
    }

    List<Setting> settings(String userId) {
        return jdbc.sql("SELECT * FROM model_settings WHERE user_id = :user ORDER BY provider_id, model_id")
                .param("user", userId).query((rs, n) -> setting(rs)).list();
    }

    Optional<Setting> setting(String userId, String providerId, String modelId) {
        return jdbc.sql("SELECT * FROM model_settings WHERE user_id = :user AND provider_id = :p AND model_id = :m")
                .param("user", userId).param("p", providerId).param("m", modelId).query((rs, n) -> setting(rs))
                .optional();
    }

    void save(String userId, Setting s) {
        jdbc.sql("""
                INSERT INTO model_settings (user_id, provider_id, model_id, display_name, capabilities, input_price,
                    output_price, context_window, max_output, is_enabled, is_custom, updated_at)
                VALUES (:user, :p, :m, :name, CAST(:caps AS jsonb), :in, :out, :ctx, :max, :enabled, :custom, now())
                ON CONFLICT (user_id, provider_id, model_id) DO UPDATE SET display_name = EXCLUDED.display_name,
                    capabilities = EXCLUDED.capabilities, input_price = EXCLUDED.input_price,
                    output_price = EXCLUDED.output_price, context_window = EXCLUDED.context_window,
                    max_output = EXCLUDED.max_output, is_enabled = EXCLUDED.is_enabled, updated_at = now()""")
                .param("user", userId).param("p", s.providerId()).param("m", s.modelId())
                .param("name", s.displayName())
                .param("caps", s.capabilities() == null ? null : json.writeValueAsString(s.capabilities()))
                .param("in", s.inputPrice()).param("out", s.outputPrice()).param("ctx", s.contextWindow())
                .param("max", s.maxOutput()).param("enabled", s.isEnabled()).param("custom", s.isCustom())
                .update();
    }

    boolean delete(String userId, String providerId, String modelId) {
        return jdbc.sql("DELETE FROM model_settings WHERE user_id = :user AND provider_id = :p AND model_id = :m")
                .param("user", userId).param("p", providerId).param("m", modelId).update() > 0;
    }

    List<CustomProvider> providers(String userId) {
        return jdbc.sql("SELECT * FROM custom_providers WHERE user_id = :user ORDER BY lower(name)")
                .param("user", userId).query((rs, n) -> provider(rs)).list();
    }

    Optional<CustomProvider> provider(String userId, String id) {
        return jdbc.sql("SELECT * FROM custom_providers WHERE user_id = :user AND provider_id = :id")
                .param("user", userId).param("id", id).query((rs, n) -> provider(rs)).optional();
    }

    void saveProvider(String userId, CustomProvider p) {
        jdbc.sql("""
                INSERT INTO custom_providers (user_id, provider_id, name, base_url, api_key_env, is_enabled, updated_at)
                VALUES (:user, :id, :name, :url, :env, :enabled, now())
                ON CONFLICT (user_id, provider_id) DO UPDATE SET name = EXCLUDED.name, base_url = EXCLUDED.base_url,
                    api_key_env = EXCLUDED.api_key_env, is_enabled = EXCLUDED.is_enabled, updated_at = now()""")
                .param("user", userId).param("id", p.id()).param("name", p.name()).param("url", p.baseUrl())
                .param("env", p.apiKeyEnv()).param("enabled", p.isEnabled()).update();
        endpoints.clear();
    }

    /** Deletes a custom provider and every model setting under it. */
    boolean deleteProvider(String userId, String id) {
        jdbc.sql("DELETE FROM model_settings WHERE user_id = :user AND provider_id = :id")
                .param("user", userId).param("id", id).update();
        var result = jdbc.sql("DELETE FROM custom_providers WHERE user_id = :user AND provider_id = :id")
                .param("user", userId).param("id", id).update() > 0;
        endpoints.clear();
        return result;
    }

    private Setting setting(ResultSet rs) throws SQLException {
        String caps = rs.getString("capabilities");
        List<String> capabilities = null;
        if (caps != null) {
            capabilities = new ArrayList<>();
            for (var c : json.readTree(caps)) {
                capabilities.add(c.asString());
            }
        }
        return new Setting(rs.getString("provider_id"), rs.getString("model_id"), rs.getString("display_name"),
                capabilities, (Double) rs.getObject("input_price"), (Double) rs.getObject("output_price"),
                (Integer) rs.getObject("context_window"), (Integer) rs.getObject("max_output"),
                rs.getBoolean("is_enabled"), rs.getBoolean("is_custom"));
    }

    private static CustomProvider provider(ResultSet rs) throws SQLException {
        return new CustomProvider(rs.getString("provider_id"), rs.getString("name"), rs.getString("base_url"),
                rs.getString("api_key_env"), rs.getBoolean("is_enabled"));
    }
}
