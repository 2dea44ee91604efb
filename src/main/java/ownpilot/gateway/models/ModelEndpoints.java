package ownpilot.gateway.models;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.settings.ApiKeys;
import ownpilot.gateway.shared.ApiException;

/**
 * Resolves a provider id to the endpoint a model call uses, honouring the user's settings: a local
 * provider (OpenAI-compatible at its base URL + {@code /v1}), a custom provider, or a catalog provider
 * with the user's override (base URL, key variable, enabled) and key applied.
 */
@Service
public class ModelEndpoints {

    private final ProviderConfigs configs;
    private final ModelCatalog catalog;
    private final ModelSettingsRepository customs;
    private final LocalProviderRepository locals;
    private final LocalProviderService localService;
    private final ApiKeys apiKeys;
    private final EndpointCache cache;

    ModelEndpoints(ProviderConfigs configs, ModelCatalog catalog, ModelSettingsRepository customs,
            LocalProviderRepository locals, LocalProviderService localService, ApiKeys apiKeys, EndpointCache cache) {
        this.cache = cache;
        this.configs = configs;
        this.catalog = catalog;
        this.customs = customs;
        this.locals = locals;
        this.localService = localService;
        this.apiKeys = apiKeys;
    }

    /** Cached: see {@link EndpointCache}. */
    public ModelEndpoint resolve(String userId, String providerId) {
        return cache.get(userId, providerId, () -> load(userId, providerId));
    }

    private ModelEndpoint load(String userId, String providerId) {
        if (catalog.provider(providerId).isPresent()) {
            return fromCatalog(userId, providerId);
        }
        Optional<LocalProviderRepository.Row> local = locals.find(userId, providerId);
        if (local.isPresent()) {
            LocalProviderRepository.Row row = local.get();
            requireEnabled(providerId, row.isEnabled());
            String base = row.baseUrl().endsWith("/v1") ? row.baseUrl() : row.baseUrl() + "/v1";
            return new ModelEndpoint(providerId, "openai-compatible", base, localService.apiKey(row));
        }
        Optional<ModelSettingsRepository.CustomProvider> custom = customs.provider(userId, providerId);
        if (custom.isPresent()) {
            ModelSettingsRepository.CustomProvider p = custom.get();
            requireEnabled(providerId, p.isEnabled());
            return new ModelEndpoint(providerId, "openai-compatible", p.baseUrl(),
                    apiKeys.resolve(userId, providerId, p.apiKeyEnv()).orElse(null));
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "PROVIDER_NOT_FOUND", "Unknown provider: " + providerId);
    }

    /** Custom providers cannot take a catalog id and local ids are generated, so the catalog is asked first. */
    private ModelEndpoint fromCatalog(String userId, String providerId) {
        ProviderConfigs.Effective e = configs.effective(userId, providerId);
        requireEnabled(providerId, e.isEnabled());
        String key = apiKeys.resolve(userId, providerId, e.apiKeyEnv()).orElseThrow(() -> new ApiException(
                HttpStatus.BAD_REQUEST, "PROVIDER_NOT_CONFIGURED", "Provider " + providerId + " has no API key: "
                        + "POST /api/v1/settings/api-key/" + providerId + " or set " + e.apiKeyEnv()));
        return new ModelEndpoint(providerId, e.type(), e.baseUrl(), key);
    }

    /**
     * The model used when a request names none: for a catalog provider its recommended model, else
     * its first; for a local or custom provider its first enabled model.
     */
    public Optional<String> defaultModel(String userId, String providerId) {
        if (locals.find(userId, providerId).isPresent()) {
            return locals.models(userId, providerId).stream().filter(LocalProviderViews.Model::isEnabled)
                    .map(LocalProviderViews.Model::modelId).findFirst();
        }
        if (customs.provider(userId, providerId).isPresent()) {
            return customs.settings(userId).stream().filter(s -> s.providerId().equals(providerId) && s.isEnabled())
                    .map(ModelSettingsRepository.Setting::modelId).findFirst();
        }
        List<ModelInfo> models = catalog.models(providerId);
        return models.stream().filter(ModelInfo::recommended).findFirst().or(() -> models.stream().findFirst())
                .map(ModelInfo::id);
    }

    private static void requireEnabled(String providerId, boolean enabled) {
        if (!enabled) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PROVIDER_NOT_CONFIGURED",
                    "Provider " + providerId + " is disabled in your provider settings");
        }
    }
}
