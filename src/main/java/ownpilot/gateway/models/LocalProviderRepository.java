package ownpilot.gateway.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.records.RawJson;

/** Local providers and their models. The API key column holds ciphertext only. */
@Repository
class LocalProviderRepository {

    /** A stored local provider; {@code apiKey} is the ciphertext, never sent to clients. */
    record Row(String id, String name, String providerType, String baseUrl, String apiKey, boolean isEnabled,
            boolean isDefault, String discoveryEndpoint, String lastDiscoveredAt, String createdAt, String updatedAt) {}

    private final JdbcClient jdbc;

    private final EndpointCache endpoints;

    LocalProviderRepository(JdbcClient jdbc, EndpointCache endpoints) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
    }

    Row insert(String userId, Row r) {
        var result = jdbc.sql("""
                INSERT INTO local_providers (id, user_id, name, provider_type, base_url, api_key, is_enabled, is_default,
                    discovery_endpoint)
                VALUES (:id, :user, :name, :type, :baseUrl, :apiKey, :enabled, :isDefault, :discovery) RETURNING *""")
                .param("id", r.id()).param("user", userId).param("name", r.name()).param("type", r.providerType())
                .param("baseUrl", r.baseUrl()).param("apiKey", r.apiKey()).param("enabled", r.isEnabled())
                .param("isDefault", r.isDefault()).param("discovery", r.discoveryEndpoint())
                .query((rs, n) -> map(rs)).single();
        endpoints.clear();
        return result;
    }

    Optional<Row> update(String userId, Row r) {
        var result = jdbc.sql("""
                UPDATE local_providers SET name = :name, base_url = :baseUrl, api_key = :apiKey, is_enabled = :enabled,
                    is_default = :isDefault, discovery_endpoint = :discovery, updated_at = now()
                WHERE user_id = :user AND id = :id RETURNING *""")
                .param("name", r.name()).param("baseUrl", r.baseUrl()).param("apiKey", r.apiKey())
                .param("enabled", r.isEnabled()).param("isDefault", r.isDefault())
                .param("discovery", r.discoveryEndpoint()).param("user", userId).param("id", r.id())
                .query((rs, n) -> map(rs)).optional();
        endpoints.clear();
        return result;
    }

    /** Only one default per user. */
    void clearDefaultExcept(String userId, String id) {
        jdbc.sql("UPDATE local_providers SET is_default = false WHERE user_id = :user AND id <> :id AND is_default")
                .param("user", userId).param("id", id).update();
    }

    Optional<Row> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM local_providers WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Row> findByName(String userId, String name) {
        return jdbc.sql("SELECT * FROM local_providers WHERE user_id = :user AND name = :name")
                .param("user", userId).param("name", name).query((rs, n) -> map(rs)).optional();
    }

    List<Row> list(String userId) {
        return jdbc.sql("SELECT * FROM local_providers WHERE user_id = :user ORDER BY is_default DESC, lower(name), id")
                .param("user", userId).query((rs, n) -> map(rs)).list();
    }

    boolean delete(String userId, String id) {
        var result = jdbc.sql("DELETE FROM local_providers WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).update() > 0;
        endpoints.clear();
        return result;
    }

    void discovered(String userId, String id) {
        jdbc.sql("UPDATE local_providers SET last_discovered_at = now() WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).update();
    }

    List<LocalProviderViews.Model> models(String userId, String providerId) {
        return jdbc.sql("SELECT * FROM local_models WHERE user_id = :user AND local_provider_id = :provider "
                        + "ORDER BY lower(display_name), model_id")
                .param("user", userId).param("provider", providerId).query((rs, n) -> model(rs)).list();
    }

    /** The enabled models of the user's enabled local providers, as catalog entries (no prices). */
    List<ModelInfo> enabledModels(String userId) {
        return jdbc.sql("""
                SELECT m.model_id, m.display_name, m.local_provider_id, m.context_window, m.max_output,
                    ARRAY(SELECT jsonb_array_elements_text(m.capabilities)) AS capabilities
                FROM local_models m JOIN local_providers p ON p.id = m.local_provider_id AND p.user_id = m.user_id
                WHERE m.user_id = :user AND m.is_enabled AND p.is_enabled
                ORDER BY p.is_default DESC, lower(p.name), lower(m.display_name), m.model_id""")
                .param("user", userId)
                .query((rs, n) -> new ModelInfo(rs.getString("model_id"), rs.getString("display_name"),
                        rs.getString("local_provider_id"), rs.getInt("context_window"), rs.getInt("max_output"), 0, 0,
                        List.of((String[]) rs.getArray("capabilities").getArray()), false, null))
                .list();
    }

    long modelCount(String userId, String providerId) {
        return jdbc.sql("SELECT count(*) FROM local_models WHERE user_id = :user AND local_provider_id = :provider")
                .param("user", userId).param("provider", providerId).query(Long.class).single();
    }

    /** Inserts a model unless the provider already has it; true when it was new. */
    boolean addModel(String userId, String providerId, String id, String modelId, String displayName,
            String capabilitiesJson, int contextWindow, int maxOutput) {
        return jdbc.sql("""
                INSERT INTO local_models (id, user_id, local_provider_id, model_id, display_name, capabilities,
                    context_window, max_output)
                VALUES (:id, :user, :provider, :model, :name, CAST(:caps AS jsonb), :ctx, :out)
                ON CONFLICT (local_provider_id, model_id) DO NOTHING""")
                .param("id", id).param("user", userId).param("provider", providerId).param("model", modelId)
                .param("name", displayName).param("caps", capabilitiesJson).param("ctx", contextWindow)
                .param("out", maxOutput).update() > 0;
    }

    Optional<LocalProviderViews.Model> toggleModel(String userId, String providerId, String modelId, boolean enabled) {
        return jdbc.sql("UPDATE local_models SET is_enabled = :enabled, updated_at = now() WHERE user_id = :user "
                        + "AND local_provider_id = :provider AND model_id = :model RETURNING *")
                .param("enabled", enabled).param("user", userId).param("provider", providerId).param("model", modelId)
                .query((rs, n) -> model(rs)).optional();
    }

    boolean deleteModel(String userId, String providerId, String modelId) {
        return jdbc.sql("DELETE FROM local_models WHERE user_id = :user AND local_provider_id = :provider "
                        + "AND model_id = :model")
                .param("user", userId).param("provider", providerId).param("model", modelId).update() > 0;
    }

    private static Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("provider_type"),
                rs.getString("base_url"), rs.getString("api_key"), rs.getBoolean("is_enabled"),
                rs.getBoolean("is_default"), rs.getString("discovery_endpoint"),
                SqlValues.instant(rs, "last_discovered_at"), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }

    private static LocalProviderViews.Model model(ResultSet rs) throws SQLException {
        return new LocalProviderViews.Model(rs.getString("id"), rs.getString("local_provider_id"),
                rs.getString("model_id"), rs.getString("display_name"), new RawJson(rs.getString("capabilities")),
                rs.getInt("context_window"), rs.getInt("max_output"), rs.getBoolean("is_enabled"),
                SqlValues.instant(rs, "created_at"));
    }
}
