package ownpilot.gateway.settings;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What {@code "default"} means for provider and model: the saved default provider (set by the user,
 * or by storing the first API key), else the first configured provider (keys from the environment,
 * by id, then enabled local providers); the saved default model, else none (the model catalog
 * decides then).
 */
@Service
public class ProviderDefaults {

    public record Resolved(String provider, String model) {}

    private final SettingsService settings;
    private final ApiKeys apiKeys;
    private final ObjectProvider<LocalProviderSource> localProviders;

    ProviderDefaults(SettingsService settings, ApiKeys apiKeys, ObjectProvider<LocalProviderSource> localProviders) {
        this.settings = settings;
        this.apiKeys = apiKeys;
        this.localProviders = localProviders;
    }

    /** The user's enabled local providers. */
    public List<LocalProviderSource.LocalProviderInfo> localProviders(String userId) {
        return localProviders.orderedStream().flatMap(s -> s.enabledLocalProviders(userId).stream()).toList();
    }

    /** Providers that can answer: those with a key (stored or in the environment), then enabled local ones. */
    public List<String> configuredProviders(String userId) {
        List<String> out = new java.util.ArrayList<>(apiKeys.configuredProviders(userId));
        localProviders(userId).forEach(l -> out.add(l.id()));
        return out;
    }

    public Resolved resolve(String userId, List<String> configuredProviders) {
        String provider = settings.getText(userId, SettingsService.DEFAULT_PROVIDER)
                .orElse(configuredProviders.isEmpty() ? null : configuredProviders.getFirst());
        return new Resolved(provider, settings.getText(userId, SettingsService.DEFAULT_MODEL).orElse(null));
    }

    public Resolved resolve(String userId) {
        return resolve(userId, configuredProviders(userId));
    }
}
