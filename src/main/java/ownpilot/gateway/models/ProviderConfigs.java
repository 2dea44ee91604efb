package ownpilot.gateway.models;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.OutboundAddresses;
import ownpilot.gateway.shared.JsonFields;
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
    private static final java.util.Set<String> FIELDS = java.util.Set.of("baseUrl", "providerType", "isEnabled",
            "apiKeyEnv", "notes");

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

    /** Every catalog provider's effective settings for the user, reading the overrides once. */
    public java.util.Map<String, Effective> effectiveAll(String userId) {
        java.util.Map<String, ProviderOverride> byId = new java.util.HashMap<>();
        overrides.all(userId).forEach(o -> byId.put(o.providerId(), o));
        java.util.Map<String, Effective> out = new java.util.LinkedHashMap<>();
        for (String id : catalog.providerIds()) {
            out.put(id, effective(requireProvider(id), Optional.ofNullable(byId.get(id))));
        }
        return out;
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

    /** Sets the one enabled flag of a catalog provider, keeping the rest of the user's override. */
    boolean setEnabled(String userId, String providerId, boolean enabled) {
        requireProvider(providerId);
        ProviderOverride current = overrides.find(userId, providerId).orElse(null);
        ProviderOverride next = new ProviderOverride(providerId, current == null ? null : current.baseUrl(),
                current == null ? null : current.providerType(), enabled, current == null ? null : current.apiKeyEnv(),
                current == null ? null : current.notes(), null);
        return overrides.save(userId, next).isEnabled();
    }

    JsonNode requireProvider(String providerId) {
        return catalog.provider(providerId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "PROVIDER_NOT_FOUND", "Unknown provider: " + providerId));
    }

    /** A validated override from a PUT body; fields left out keep the current override's values. */
    ProviderOverride read(String providerId, JsonNode body, ProviderOverride current) {
        JsonFields in = JsonFields.of(body).allow(FIELDS);
        String baseUrl = in.nullableText("baseUrl", current == null ? null : current.baseUrl(), 2048);
        String type = in.nullableText("providerType", current == null ? null : current.providerType(), 32);
        if (type != null && !TYPES.contains(type)) {
            in.problem("providerType", "must be one of " + String.join(", ", TYPES));
        }
        String env = in.nullableText("apiKeyEnv", current == null ? null : current.apiKeyEnv(), 128);
        if (env != null && !isEnvName(env)) {
            in.problem("apiKeyEnv", "must be an environment variable name such as MY_KEY");
        }
        boolean isEnabled = in.bool("isEnabled", current == null || current.isEnabled());
        String notes = in.nullableText("notes", current == null ? null : current.notes(), 1000);
        in.check();
        if (baseUrl != null) {
            checkBaseUrl(baseUrl);
        }
        return new ProviderOverride(providerId, baseUrl, type, isEnabled, env, notes, null);
    }

    static boolean isEnvName(String name) {
        return ENV.matcher(name).matches();
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
            OutboundAddresses.requireAllowed(uri, "baseUrl");
        } catch (URISyntaxException e) {
            throw ApiException.validation("baseUrl", "must be a valid URL");
        }
    }
}
