package ownpilot.gateway.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ownpilot.gateway.shared.SqlValues;

@Repository
class ProviderOverrideRepository {

    private final JdbcClient jdbc;

    private final EndpointCache endpoints;

    ProviderOverrideRepository(JdbcClient jdbc, EndpointCache endpoints) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
    }

    Optional<ProviderOverride> find(String userId, String providerId) {
        return jdbc.sql("SELECT * FROM provider_overrides WHERE user_id = :user AND provider_id = :provider")
                .param("user", userId).param("provider", providerId).query((rs, n) -> map(rs)).optional();
    }

    List<ProviderOverride> all(String userId) {
        return jdbc.sql("SELECT * FROM provider_overrides WHERE user_id = :user ORDER BY provider_id")
                .param("user", userId).query((rs, n) -> map(rs)).list();
    }

    ProviderOverride save(String userId, ProviderOverride o) {
        var result = jdbc.sql("""
                INSERT INTO provider_overrides (user_id, provider_id, base_url, provider_type, is_enabled, api_key_env,
                    notes, updated_at)
                VALUES (:user, :provider, :baseUrl, :type, :enabled, :keyEnv, :notes, now())
                ON CONFLICT (user_id, provider_id) DO UPDATE SET base_url = EXCLUDED.base_url,
                    provider_type = EXCLUDED.provider_type, is_enabled = EXCLUDED.is_enabled,
                    api_key_env = EXCLUDED.api_key_env, notes = EXCLUDED.notes, updated_at = now()
                RETURNING *""")
                .param("user", userId).param("provider", o.providerId()).param("baseUrl", o.baseUrl())
                .param("type", o.providerType()).param("enabled", o.isEnabled()).param("keyEnv", o.apiKeyEnv())
                .param("notes", o.notes()).query((rs, n) -> map(rs)).single();
        endpoints.clear();
        return result;
    }

    boolean delete(String userId, String providerId) {
        var result = jdbc.sql("DELETE FROM provider_overrides WHERE user_id = :user AND provider_id = :provider")
                .param("user", userId).param("provider", providerId).update() > 0;
        endpoints.clear();
        return result;
    }

    private static ProviderOverride map(ResultSet rs) throws SQLException {
        return new ProviderOverride(rs.getString("provider_id"), rs.getString("base_url"),
                rs.getString("provider_type"), rs.getBoolean("is_enabled"), rs.getString("api_key_env"),
                rs.getString("notes"), SqlValues.instant(rs, "updated_at"));
    }
}
