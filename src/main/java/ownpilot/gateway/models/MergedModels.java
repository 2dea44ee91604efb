package ownpilot.gateway.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import ownpilot.gateway.settings.ApiKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One list of every model a user can pick: catalog models with the user's settings applied
 * ({@code builtin}, or {@code aggregator} for routers such as OpenRouter), models the user added
 * ({@code custom}) and models of enabled local servers ({@code local}). Configured providers first,
 * then by provider and model name.
 */
@Service
class MergedModels {

    record MergedModel(String providerId, String providerName, String modelId, String displayName,
            List<String> capabilities, double pricingInput, double pricingOutput, int contextWindow, int maxOutput,
            boolean isEnabled, boolean isCustom, boolean hasOverride, boolean isConfigured, String source) {}

    private static final Set<String> AGGREGATORS = Set.copyOf(ProviderMetadata.CATEGORIES.get("Aggregators & Routers"));

    private final ModelCatalog catalog;
    private final ModelSettingsRepository settings;
    private final LocalProviderRepository locals;
    private final ApiKeys apiKeys;
    private final JsonMapper json;

    MergedModels(ModelCatalog catalog, ModelSettingsRepository settings, LocalProviderRepository locals,
            ApiKeys apiKeys, JsonMapper json) {
        this.json = json;
        this.catalog = catalog;
        this.settings = settings;
        this.locals = locals;
        this.apiKeys = apiKeys;
    }

    static String sourceOf(String catalogProviderId) {
        return AGGREGATORS.contains(catalogProviderId) ? "aggregator" : "builtin";
    }

    List<MergedModel> all(String userId) {
        Set<String> configured = new HashSet<>(apiKeys.configuredProviders(userId));
        Map<String, ModelSettingsRepository.Setting> byKey = settings.settings(userId).stream()
                .collect(Collectors.toMap(s -> s.providerId() + "\u0000" + s.modelId(), Function.identity()));
        Map<String, ModelSettingsRepository.CustomProvider> customProviders = settings.providers(userId).stream()
                .collect(Collectors.toMap(ModelSettingsRepository.CustomProvider::id, Function.identity()));
        List<MergedModel> out = new ArrayList<>();
        for (String pid : catalog.providerIds()) {
            String name = catalog.provider(pid).map(p -> p.path("name").asString()).orElse(pid);
            for (ModelInfo m : catalog.models(pid)) {
                var s = Optional.ofNullable(byKey.remove(pid + "\u0000" + m.id()));
                out.add(new MergedModel(pid, name, m.id(),
                        s.map(ModelSettingsRepository.Setting::displayName).orElse(m.name()),
                        s.map(ModelSettingsRepository.Setting::capabilities).orElse(m.capabilities()),
                        s.map(ModelSettingsRepository.Setting::inputPrice).orElse(m.inputPrice()),
                        s.map(ModelSettingsRepository.Setting::outputPrice).orElse(m.outputPrice()),
                        s.map(ModelSettingsRepository.Setting::contextWindow).orElse(m.contextWindow()),
                        s.map(ModelSettingsRepository.Setting::maxOutput).orElse(m.maxOutputTokens()),
                        s.map(ModelSettingsRepository.Setting::isEnabled).orElse(true), false, s.isPresent(),
                        configured.contains(pid), sourceOf(pid)));
            }
        }
        for (ModelSettingsRepository.Setting s : byKey.values()) {
            if (!s.isCustom()) {
                continue;
            }
            var custom = customProviders.get(s.providerId());
            String name = custom != null ? custom.name()
                    : catalog.provider(s.providerId()).map(p -> p.path("name").asString()).orElse(s.providerId());
            boolean isConfigured = custom != null ? customConfigured(userId, custom) : configured.contains(s.providerId());
            out.add(new MergedModel(s.providerId(), name, s.modelId(),
                    s.displayName() != null ? s.displayName() : ModelDiscovery.displayName(s.modelId()),
                    s.capabilities() != null ? s.capabilities() : List.of("chat", "streaming"),
                    s.inputPrice() != null ? s.inputPrice() : 0, s.outputPrice() != null ? s.outputPrice() : 0,
                    s.contextWindow() != null ? s.contextWindow() : 32_768,
                    s.maxOutput() != null ? s.maxOutput() : 4_096, s.isEnabled(), true, true, isConfigured, "custom"));
        }
        for (LocalProviderRepository.Row local : locals.list(userId)) {
            if (!local.isEnabled()) {
                continue;
            }
            for (LocalProviderViews.Model m : locals.models(userId, local.id())) {
                List<String> caps = json.readTree(m.capabilities().json()).valueStream()
                        .map(JsonNode::asString).toList();
                out.add(new MergedModel(local.id(), local.name(), m.modelId(), m.displayName(), caps, 0, 0,
                        m.contextWindow(), m.maxOutput(), m.isEnabled(), false, false, true, "local"));
            }
        }
        out.sort(Comparator.comparing((MergedModel m) -> !m.isConfigured())
                .thenComparing(m -> m.providerName().toLowerCase())
                .thenComparing(m -> m.displayName().toLowerCase()));
        return out;
    }

    boolean customConfigured(String userId, ModelSettingsRepository.CustomProvider p) {
        return p.apiKeyEnv() == null || apiKeys.status(userId, p.id()).configured();
    }
}
