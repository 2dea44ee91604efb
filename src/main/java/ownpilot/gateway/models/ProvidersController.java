package ownpilot.gateway.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    Map<String, Object> list() {
        Map<String, ProviderOverride> byId = overrides.all(user.id()).stream()
                .collect(Collectors.toMap(ProviderOverride::providerId, o -> o));
        // summary() also shows hasOverride, so this view keeps the overrides themselves
        List<Map<String, Object>> providers = new ArrayList<>();
        catalog.providerIds().forEach(id -> providers.add(summary(id, Optional.ofNullable(byId.get(id)))));
        return Map.of("providers", providers, "categories", ProviderMetadata.CATEGORIES, "total", providers.size());
    }

    @GetMapping("/categories")
    Map<String, Object> categories() {
        Set<String> grouped = ProviderMetadata.CATEGORIES.values().stream().flatMap(List::stream)
                .collect(Collectors.toSet());
        return Map.of("categories", ProviderMetadata.CATEGORIES,
                "uncategorized", catalog.providerIds().stream().filter(id -> !grouped.contains(id)).toList());
    }

    @GetMapping("/overrides/all")
    Map<String, Object> overrides() {
        List<ProviderOverride> all = overrides.all(user.id());
        return Map.of("overrides", all, "total", all.size());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        Map<String, Object> out = summary(id, overrides.find(user.id(), id));
        out.put("models", catalog.models(id));
        out.put("userOverride", overrides.find(user.id(), id).orElse(null));
        out.put("notes", configs.requireProvider(id).path("notes").asString(null));
        return out;
    }

    @GetMapping("/{id}/models")
    Map<String, Object> models(@PathVariable String id) {
        JsonNode file = configs.requireProvider(id);
        return Map.of("provider", id, "providerName", file.path("name").asString(), "models", catalog.models(id),
                "isConfigured", apiKeys.status(user.id(), id).configured());
    }

    @GetMapping("/{id}/config")
    Map<String, Object> config(@PathVariable String id) {
        JsonNode file = configs.requireProvider(id);
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("type", file.path("type").asString());
        base.put("baseUrl", file.path("baseUrl").isNull() ? null : file.path("baseUrl").asString());
        base.put("apiKeyEnv", file.path("apiKeyEnv").asString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("providerId", id);
        out.put("baseConfig", base);
        out.put("userOverride", overrides.find(user.id(), id).orElse(null));
        out.put("effectiveConfig", configs.effective(user.id(), id));
        return out;
    }

    @PutMapping("/{id}/config")
    Map<String, Object> putConfig(@PathVariable String id, @RequestBody JsonNode body) {
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
    Map<String, Object> toggle(@PathVariable String id, @RequestBody JsonNode body) {
        configs.requireProvider(id);
        if (!body.isObject() || !body.path("enabled").isBoolean()) {
            throw ApiException.validation("enabled", "must be true or false");
        }
        return Map.of("providerId", id, "isEnabled", configs.setEnabled(user.id(), id,
                body.path("enabled").booleanValue()));
    }

    private Map<String, Object> summary(String id, Optional<ProviderOverride> override) {
        JsonNode file = configs.requireProvider(id);
        ProviderConfigs.Effective effective = ProviderConfigs.effective(file, override);
        ApiKeys.Status key = apiKeys.status(user.id(), id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", file.path("name").asString());
        out.put("type", effective.type());
        out.put("baseUrl", effective.baseUrl());
        out.put("apiKeyEnv", effective.apiKeyEnv());
        out.put("docsUrl", file.path("docsUrl").isNull() ? null : file.path("docsUrl").asString());
        out.put("features", file.path("features"));
        out.put("modelCount", file.path("models").size());
        out.put("isConfigured", key.configured());
        out.put("isEnabled", effective.isEnabled());
        out.put("hasOverride", override.isPresent());
        out.put("configSource", key.source());
        out.put("color", ProviderMetadata.color(id));
        out.put("apiKeyPlaceholder", ProviderMetadata.placeholder(id));
        return out;
    }
}
