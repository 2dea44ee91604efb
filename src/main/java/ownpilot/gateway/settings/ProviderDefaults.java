package ownpilot.gateway.settings;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What {@code "default"} means for provider and model: the saved default provider, else the first
 * configured provider (by id); the saved default model, else none (the model catalog decides then).
 */
@Service
public class ProviderDefaults {

    public record Resolved(String provider, String model) {}

    private final SettingsService settings;
    private final ApiKeys apiKeys;

    ProviderDefaults(SettingsService settings, ApiKeys apiKeys) {
        this.settings = settings;
        this.apiKeys = apiKeys;
    }

    public Resolved resolve(String userId, List<String> configuredProviders) {
        String provider = settings.getText(userId, SettingsService.DEFAULT_PROVIDER)
                .orElse(configuredProviders.isEmpty() ? null : configuredProviders.getFirst());
        return new Resolved(provider, settings.getText(userId, SettingsService.DEFAULT_MODEL).orElse(null));
    }

    public Resolved resolve(String userId) {
        return resolve(userId, apiKeys.configuredProviders(userId));
    }
}
