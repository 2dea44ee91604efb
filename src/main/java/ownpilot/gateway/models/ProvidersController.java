package ownpilot.gateway.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.settings.ApiKeys;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import tools.jackson.databind.JsonNode;

/** Providers of the catalog with the user's overrides (spec §8). */
@RestController
@RequestMapping("/api/v1/providers")
class ProvidersController {

    private final ModelCatalog catalog;
    private final ProviderConfigs configs;
    private final ProviderOverrideRepository overrides;
    private final ApiKeys apiKeys;
    private final CurrentUser user;

    ProvidersController(ModelCatalog catalog, ProviderConfigs configs, ProviderOverrideRepository overrides,
            ApiKeys apiKeys, CurrentUser user) {
        this.catalog = catalog;
        this.configs = configs;
        this.overrides = overrides;
        this.apiKeys = apiKeys;
        this.user = user;
    }

    @GetMapping
    ProviderViews.Listing list() {
        Map<String, ProviderOverride> byId = overrides.all(user.id()).stream()
                .collect(Collectors.toMap(ProviderOverride::providerId, o -> o));
        List<ProviderViews.Summary> providers = new ArrayList<>();
        catalog.providerIds().forEach(id -> providers.add(summary(id, Optional.ofNullable(byId.get(id)))));
        return new ProviderViews.Listing(providers, ProviderMetadata.CATEGORIES, providers.size());
    }

    @GetMapping("/categories")
    ProviderViews.Categories categories() {
        Set<String> grouped = ProviderMetadata.CATEGORIES.values().stream().flatMap(List::stream)
                .collect(Collectors.toSet());
        return new ProviderViews.Categories(ProviderMetadata.CATEGORIES,
                catalog.providerIds().stream().filter(id -> !grouped.contains(id)).toList());
    }

    @GetMapping("/overrides/all")
    ProviderViews.Overrides overrides() {
        List<ProviderOverride> all = overrides.all(user.id());
        return new ProviderViews.Overrides(all, all.size());
    }

    @GetMapping("/{id}")
    ProviderViews.Detail get(@PathVariable String id) {
        Optional<ProviderOverride> override = overrides.find(user.id(), id);
        return new ProviderViews.Detail(summary(id, override), catalog.models(id), override.orElse(null),
                configs.requireProvider(id).path("notes").asString(null));
    }

    @GetMapping("/{id}/models")
    ProviderViews.Models models(@PathVariable String id) {
        JsonNode file = configs.requireProvider(id);
        return new ProviderViews.Models(id, file.path("name").asString(), catalog.models(id),
                apiKeys.status(user.id(), id).configured());
    }

    @GetMapping("/{id}/config")
    ProviderViews.Config config(@PathVariable String id) {
        JsonNode file = configs.requireProvider(id);
        return new ProviderViews.Config(id, new ProviderViews.BaseConfig(file.path("type").asString(),
                text(file, "baseUrl"), file.path("apiKeyEnv").asString()),
                overrides.find(user.id(), id).orElse(null), configs.effective(user.id(), id));
    }

    @PutMapping("/{id}/config")
    ProviderViews.Config putConfig(@PathVariable String id, @RequestBody JsonNode body) {
        configs.requireProvider(id);
        overrides.save(user.id(), configs.read(id, body, overrides.find(user.id(), id).orElse(null)));
        return config(id);
    }

    @DeleteMapping("/{id}/config")
    ProviderDeleted deleteConfig(@PathVariable String id) {
        configs.requireProvider(id);
        if (!overrides.delete(user.id(), id)) {
            throw ApiException.notFound("Override for " + id);
        }
        return ProviderDeleted.of(id);
    }

    @PatchMapping("/{id}/toggle")
    ProviderToggled toggle(@PathVariable String id, @RequestBody JsonNode body) {
        configs.requireProvider(id);
        if (!body.isObject() || !body.path("enabled").isBoolean()) {
            throw ApiException.validation("enabled", "must be true or false");
        }
        return new ProviderToggled(id, configs.setEnabled(user.id(), id, body.path("enabled").booleanValue()));
    }

    private ProviderViews.Summary summary(String id, Optional<ProviderOverride> override) {
        JsonNode file = configs.requireProvider(id);
        ProviderConfigs.Effective effective = ProviderConfigs.effective(file, override);
        ApiKeys.Status key = apiKeys.status(user.id(), id);
        return new ProviderViews.Summary(id, file.path("name").asString(), effective.type(), effective.baseUrl(),
                effective.apiKeyEnv(), text(file, "docsUrl"), file.path("features"), file.path("models").size(),
                key.configured(), effective.isEnabled(), override.isPresent(), key.source(), ProviderMetadata.color(id),
                ProviderMetadata.placeholder(id));
    }

    private static String text(JsonNode file, String field) {
        return file.path(field).isNull() || file.path(field).isMissingNode() ? null : file.path(field).asString();
    }
}
