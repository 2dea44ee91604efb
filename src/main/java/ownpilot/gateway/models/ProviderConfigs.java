package ownpilot.gateway.models;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * A provider as a user has it: the catalog entry with the user's override applied. This is what the
 * code that calls providers reads, so an overridden base URL is the one that is used.
 */
@Service
public class ProviderConfigs {

    static final java.util.List<String> TYPES = java.util.List.of("openai", "anthropic", "google",
            "openai-compatible");
    private static final Pattern ENV = Pattern.compile("^[A-Z_][A-Z0-9_]{0,127}$");

    /** The settings in force for one provider. */
    public record Effective(String providerId, String type, String baseUrl, String apiKeyEnv, boolean isEnabled) {}

    private final ModelCatalog catalog;
    private final ProviderOverrideRepository overrides;

    ProviderConfigs(ModelCatalog catalog, ProviderOverrideRepository overrides) {
        this.catalog = catalog;
        this.overrides = overrides;
    }

    public Effective effective(String userId, String providerId) {
        return effective(requireProvider(providerId), overrides.find(userId, providerId));
    }

    /** The catalog entry with an override applied; {@code null} override fields keep the catalog's value. */
    static Effective effective(JsonNode base, Optional<ProviderOverride> o) {
        String providerId = base.path("id").asString();
        return new Effective(providerId,
                o.map(ProviderOverride::providerType).orElse(base.path("type").asString()),
                o.map(ProviderOverride::baseUrl).orElse(base.path("baseUrl").isNull() ? null
                        : base.path("baseUrl").asString()),
                o.map(ProviderOverride::apiKeyEnv).orElse(base.path("apiKeyEnv").asString()),
                o.map(ProviderOverride::isEnabled).orElse(true));
    }

    JsonNode requireProvider(String providerId) {
        return catalog.provider(providerId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "PROVIDER_NOT_FOUND", "Unknown provider: " + providerId));
    }

    /** A validated override from a PUT body; fields left out keep the current override's values. */
    ProviderOverride read(String providerId, JsonNode body, ProviderOverride current) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        java.util.Set<String> known = java.util.Set.of("baseUrl", "providerType", "isEnabled", "apiKeyEnv", "notes");
        for (String field : body.propertyNames()) {
            if (!known.contains(field)) {
                throw ApiException.validation(field, "is not a known field");
            }
        }
        String baseUrl = text(body, "baseUrl", current == null ? null : current.baseUrl(), 2048);
        if (baseUrl != null) {
            checkBaseUrl(baseUrl);
        }
        String type = text(body, "providerType", current == null ? null : current.providerType(), 32);
        if (type != null && !TYPES.contains(type)) {
            throw ApiException.validation("providerType", "must be one of " + String.join(", ", TYPES));
        }
        String env = text(body, "apiKeyEnv", current == null ? null : current.apiKeyEnv(), 128);
        if (env != null && !ENV.matcher(env).matches()) {
            throw ApiException.validation("apiKeyEnv", "must be an environment variable name such as MY_KEY");
        }
        JsonNode enabled = body.get("isEnabled");
        if (enabled != null && !enabled.isBoolean()) {
            throw ApiException.validation("isEnabled", "must be true or false");
        }
        boolean isEnabled = enabled != null ? enabled.booleanValue() : current == null || current.isEnabled();
        String notes = text(body, "notes", current == null ? null : current.notes(), 1000);
        return new ProviderOverride(providerId, baseUrl, type, isEnabled, env, notes, null);
    }

    /** http(s) with a host, no user info, no fragment. */
    static void checkBaseUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw ApiException.validation("baseUrl", "must be an http(s) URL with a host, without credentials");
            }
        } catch (URISyntaxException e) {
            throw ApiException.validation("baseUrl", "must be a valid URL");
        }
    }

    private static String text(JsonNode body, String field, String fallback, int max) {
        JsonNode v = body.get(field);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return null;
        }
        if (!v.isString() || v.stringValue().isBlank() || v.stringValue().length() > max) {
            throw ApiException.validation(field, "must be a non-empty string of at most " + max + " characters");
        }
        return v.stringValue().trim();
    }
}
