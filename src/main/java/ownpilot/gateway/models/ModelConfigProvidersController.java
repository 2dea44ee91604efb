package ownpilot.gateway.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.settings.ApiKeys;
import ownpilot.gateway.settings.ProviderIds;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.ErrorAsText;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/**
 * Every provider a user can use (catalog, aggregators, their own OpenAI-compatible providers, local
 * servers) and their own providers' management (spec §7, provider routes).
 */
@RestController
@RequestMapping("/api/v1/model-configs/providers")
class ModelConfigProvidersController {

    /** One provider of any kind, as the AI Models page lists it. */
    record Provider(String id, String name, String type, String baseUrl, String apiKeyEnv, boolean isEnabled,
            boolean isConfigured, long modelCount) {}

    /** One provider with its merged models. */
    record WithModels(@com.fasterxml.jackson.annotation.JsonUnwrapped Provider provider,
            List<MergedModels.MergedModel> models) {}

    record DiscoveredModel(String modelId, String displayName, boolean isNew) {}

    /** What a discovery found; the new models are stored as the user's custom models. */
    record Discovery(String provider, String providerName, String sourceUrl, List<DiscoveredModel> models,
            int newModels, int existingModels) {}

    private static final Set<String> CUSTOM_FIELDS = Set.of("providerId", "name", "baseUrl", "apiKeyEnv",
            "isEnabled", "displayName", "apiBaseUrl", "providerType");
    /** Custom providers speak the OpenAI-compatible protocol; these are that protocol's names. */
    private static final Set<String> CUSTOM_TYPES = Set.of("openai", "openai-compatible", "openai_compatible",
            "custom");

    private final ModelCatalog catalog;
    private final ProviderConfigs configs;
    private final ModelSettingsRepository settings;
    private final LocalProviderRepository locals;
    private final MergedModels merged;
    private final ModelDiscovery discovery;
    private final ApiKeys apiKeys;
    private final CurrentUser user;

    ModelConfigProvidersController(ModelCatalog catalog, ProviderConfigs configs, ModelSettingsRepository settings,
            LocalProviderRepository locals, MergedModels merged, ModelDiscovery discovery, ApiKeys apiKeys,
            CurrentUser user) {
        this.catalog = catalog;
        this.configs = configs;
        this.settings = settings;
        this.locals = locals;
        this.merged = merged;
        this.discovery = discovery;
        this.apiKeys = apiKeys;
        this.user = user;
    }

    @GetMapping("/list")
    List<Provider> list(@RequestParam Map<String, String> params) {
        String type = new QueryParams(params).oneOf("type", List.of("builtin", "aggregator", "custom", "local"));
        return all().stream().filter(p -> type == null || p.type().equals(type)).toList();
    }

    /** Catalog providers and aggregators, configured first, then enabled, then by name: a bare list, as the UI maps it. */
    @GetMapping("/available")
    List<Provider> available() {
        return all().stream().filter(p -> p.type().equals("builtin") || p.type().equals("aggregator"))
                .sorted(Comparator.comparing((Provider p) -> !p.isConfigured()).thenComparing(p -> !p.isEnabled())
                        .thenComparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    @GetMapping("/{id}")
    WithModels get(@PathVariable String id) {
        Provider p = all().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> unknown(id));
        return new WithModels(p, merged.all(user.id()).stream().filter(m -> m.providerId().equals(id)).toList());
    }

    private static ApiException unknown(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "PROVIDER_NOT_FOUND", "Unknown provider: " + id);
    }

    /** Adds the user's own OpenAI-compatible provider. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WithModels create(@RequestBody JsonNode body) {
        ModelSettingsRepository.CustomProvider provider = read(body, null);
        boolean taken = catalog.provider(provider.id()).isPresent() || settings.provider(user.id(), provider.id())
                .isPresent() || locals.find(user.id(), provider.id()).isPresent();
        if (taken) {
            throw ApiException.conflict("A provider with id " + provider.id() + " already exists");
        }
        settings.saveProvider(user.id(), provider);
        return get(provider.id());
    }

    @PutMapping("/{id}")
    WithModels update(@PathVariable String id, @RequestBody JsonNode body) {
        settings.saveProvider(user.id(), read(body, requireCustom(id)));
        return get(id);
    }

    @DeleteMapping("/{id}")
    ProviderDeleted delete(@PathVariable String id) {
        requireCustom(id);
        settings.deleteProvider(user.id(), id);
        return ProviderDeleted.of(id);
    }

    /** Custom providers have their own flag; catalog providers use the one of {@code /api/v1/providers/:id/toggle}. */
    @PatchMapping("/{id}/toggle")
    ProviderToggled toggle(@PathVariable String id, @RequestBody JsonNode body) {
        if (!body.isObject() || !body.path("enabled").isBoolean()) {
            throw ApiException.validation("enabled", "must be true or false");
        }
        boolean enabled = body.path("enabled").booleanValue();
        var custom = settings.provider(user.id(), id);
        if (custom.isPresent()) {
            var c = custom.get();
            settings.saveProvider(user.id(), new ModelSettingsRepository.CustomProvider(c.id(), c.name(), c.baseUrl(),
                    c.apiKeyEnv(), enabled));
            return new ProviderToggled(id, enabled);
        }
        return new ProviderToggled(id, configs.setEnabled(user.id(), id, enabled));
    }

    /** Lists the provider's models over its OpenAI-compatible API and adds the new ones as custom models. */
    @PostMapping("/{id}/discover-models")
    @ErrorAsText
    Discovery discover(@PathVariable String id) {
        var custom = settings.provider(user.id(), id);
        String providerName = custom.map(ModelSettingsRepository.CustomProvider::name)
                .or(() -> catalog.provider(id).map(p -> p.path("name").asString(id)))
                .orElseThrow(() -> unknown(id));
        String baseUrl = custom.map(ModelSettingsRepository.CustomProvider::baseUrl)
                .orElseGet(() -> configs.effective(user.id(), id).baseUrl());
        if (baseUrl == null) {
            throw ApiException.badRequest("Provider " + id + " has no base URL; set one first");
        }
        ModelDiscovery.Found found = discovery.discover("custom", baseUrl, null,
                apiKeys.resolve(user.id(), id).orElse(null));
        Set<String> existing = merged.all(user.id()).stream().filter(m -> m.providerId().equals(id))
                .map(MergedModels.MergedModel::modelId).collect(java.util.stream.Collectors.toSet());
        List<DiscoveredModel> models = new ArrayList<>();
        int added = 0;
        for (String modelId : found.modelIds()) {
            boolean exists = existing.contains(modelId);
            if (!exists) {
                settings.save(user.id(), new ModelSettingsRepository.Setting(id, modelId,
                        ModelDiscovery.displayName(modelId), List.of("chat", "streaming"), null, null, null, null,
                        true, true));
                added++;
            }
            models.add(new DiscoveredModel(modelId, ModelDiscovery.displayName(modelId), !exists));
        }
        return new Discovery(id, providerName, found.sourceUrl(), models, added, models.size() - added);
    }

    private List<Provider> all() {
        String userId = user.id();
        List<MergedModels.MergedModel> models = merged.all(userId);
        List<Provider> out = new ArrayList<>();
        for (ProviderConfigs.Effective e : configs.effectiveAll(userId).values()) {
            String id = e.providerId();
            out.add(entry(id, catalog.provider(id).map(p -> p.path("name").asString()).orElse(id),
                    MergedModels.sourceOf(id), e.baseUrl(), e.apiKeyEnv(), e.isEnabled(),
                    apiKeys.status(userId, id).configured(), models));
        }
        for (var c : settings.providers(userId)) {
            out.add(entry(c.id(), c.name(), "custom", c.baseUrl(), c.apiKeyEnv(), c.isEnabled(),
                    merged.customConfigured(userId, c), models));
        }
        for (var l : locals.list(userId)) {
            out.add(entry(l.id(), l.name(), "local", l.baseUrl(), null, l.isEnabled(), true, models));
        }
        return out;
    }

    private static Provider entry(String id, String name, String type, String baseUrl, String apiKeyEnv,
            boolean enabled, boolean configured, List<MergedModels.MergedModel> models) {
        return new Provider(id, name, type, baseUrl, apiKeyEnv, enabled, configured,
                models.stream().filter(m -> m.providerId().equals(id)).count());
    }

    private ModelSettingsRepository.CustomProvider requireCustom(String id) {
        if (catalog.provider(id).isPresent()) {
            throw ApiException.badRequest("Catalog providers are changed through /api/v1/providers/" + id + "/config");
        }
        return settings.provider(user.id(), id).orElseThrow(() -> ApiException.notFound("Custom provider " + id));
    }

    private static ModelSettingsRepository.CustomProvider read(JsonNode body, ModelSettingsRepository.CustomProvider c) {
        JsonFields in = JsonFields.of(body).allow(CUSTOM_FIELDS);
        String id = c != null ? c.id() : in.text("providerId", null, 64, true);
        if (c != null && in.has("providerId") && !in.node("providerId").asString("").equals(c.id())) {
            in.problem("providerId", "cannot be changed");
        }
        if (id != null && !ProviderIds.isValid(id)) {
            in.problem("providerId", "must be lower-case letters, digits, '.', '_' or '-' (at most 64)");
        }
        // the original's field names (displayName, apiBaseUrl) are accepted for the spec's (name, baseUrl)
        String name = in.text(in.has("name") || !in.has("displayName") ? "name" : "displayName",
                c == null ? null : c.name(), 100, true);
        String baseUrl = in.text(in.has("baseUrl") || !in.has("apiBaseUrl") ? "baseUrl" : "apiBaseUrl",
                c == null ? null : c.baseUrl(), 2048, true);
        String type = in.text("providerType", "openai", 32, false);
        if (!CUSTOM_TYPES.contains(type)) {
            in.problem("providerType", "must be openai (custom providers are OpenAI-compatible)");
        }
        String env = in.nullableText("apiKeyEnv", c == null ? null : c.apiKeyEnv(), 128);
        if (env != null && !ProviderConfigs.isEnvName(env)) {
            in.problem("apiKeyEnv", "must be an environment variable name such as MY_KEY");
        }
        boolean enabled = in.bool("isEnabled", c == null || c.isEnabled());
        in.check();
        ProviderConfigs.checkBaseUrl(baseUrl);
        return new ModelSettingsRepository.CustomProvider(id, name, baseUrl.replaceAll("/+$", ""), env, enabled);
    }
}
