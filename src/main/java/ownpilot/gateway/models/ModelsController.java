package ownpilot.gateway.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.settings.ApiKeys;
import ownpilot.gateway.settings.ProviderIds;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/**
 * The model catalog (spec §6). A provider is configured when it has a stored API key or its key
 * variable is set; {@code GET /models} lists the models of configured providers and the enabled
 * models of enabled local providers (under the local provider's id, which chat takes as provider).
 */
@RestController
@RequestMapping("/api/v1/models")
class ModelsController {

    private final ModelCatalog catalog;
    private final ModelsDevSync sync;
    private final ApiKeys apiKeys;
    private final CurrentUser user;
    private final LocalProviderRepository localProviders;

    ModelsController(ModelCatalog catalog, ModelsDevSync sync, ApiKeys apiKeys, CurrentUser user,
            LocalProviderRepository localProviders) {
        this.localProviders = localProviders;        this.catalog = catalog;
        this.sync = sync;
        this.apiKeys = apiKeys;
        this.user = user;
    }

    /**
     * {@code enabledOnly} (default true) is validated; no model is disabled until per-user model
     * configuration exists, so both values list the same models today.
     */
    /** {@code GET /models}: the models the user can chat with, and which providers are set up. */
    record ModelList(List<ModelInfo> models, List<String> configuredProviders, List<String> availableProviders) {}

    @GetMapping
    ModelList list(@RequestParam Map<String, String> params) {
        new QueryParams(params).bool("enabledOnly");
        List<String> configured = new ArrayList<>(apiKeys.configuredProviders(user.id()));
        List<ModelInfo> models = new ArrayList<>();
        configured.forEach(p -> models.addAll(catalog.models(p)));
        for (ModelInfo local : localProviders.enabledModels(user.id())) {
            models.add(local);
            if (!configured.contains(local.provider())) {
                configured.add(local.provider());
            }
        }
        return new ModelList(models, configured, catalog.providerIds());
    }

    @GetMapping("/catalog/all")
    Map<String, List<ModelInfo>> all() {
        Map<String, List<ModelInfo>> out = new LinkedHashMap<>();
        catalog.providerIds().forEach(id -> out.put(id, catalog.models(id)));
        return out;
    }

    @GetMapping("/sync/providers")
    ModelsDevSync.Offer syncProviders() {
        return sync.providers();
    }

    /** {@code {"providers": ["openai", …]}} syncs those; no body or an empty list syncs every provider. */
    @PostMapping("/sync")
    ModelsDevSync.Result sync(@RequestBody(required = false) JsonNode body) {
        List<String> requested = new ArrayList<>();
        if (body != null && !body.isNull() && !body.isMissingNode()) {
            JsonNode providers = body.path("providers");
            if (!body.isObject() || !providers.isMissingNode() && !providers.isArray() || providers.size() > 500) {
                throw ApiException.validation("providers", "must be an array of at most 500 provider ids");
            }
            for (JsonNode p : providers) {
                if (!p.isString() || !ProviderIds.isValid(p.stringValue())) {
                    throw ApiException.validation("providers", "must contain provider ids such as openai");
                }
                requested.add(p.stringValue());
            }
        }
        return sync.sync(requested);
    }

    /** One catalog provider; {@code features} is the catalog file's own object. */
    record ProviderModels(String provider, String providerName, List<ModelInfo> models, boolean isConfigured,
            JsonNode features, String baseUrl, String docsUrl) {}

    @GetMapping("/{provider}")
    ProviderModels provider(@PathVariable String provider) {
        JsonNode file = catalog.provider(provider).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "PROVIDER_NOT_FOUND", "Unknown provider: " + provider));
        return new ProviderModels(provider, file.path("name").asString(), catalog.models(provider),
                apiKeys.status(user.id(), provider).configured(), file.path("features"),
                file.path("baseUrl").isNull() ? null : file.path("baseUrl").asString(),
                file.path("docsUrl").isNull() ? null : file.path("docsUrl").asString());
    }
}
