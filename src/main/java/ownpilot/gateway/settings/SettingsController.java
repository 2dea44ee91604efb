package ownpilot.gateway.settings;

import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/** The settings overview and the default provider and model. */
@RestController
@RequestMapping("/api/v1/settings")
class SettingsController {

    private final SettingsService settings;
    private final ApiKeys apiKeys;
    private final ProviderCatalog catalog;
    private final ProviderDefaults defaults;
    private final CurrentUser user;

    SettingsController(SettingsService settings, ApiKeys apiKeys, ProviderCatalog catalog,
            ProviderDefaults defaults, CurrentUser user) {
        this.defaults = defaults;
        this.settings = settings;
        this.apiKeys = apiKeys;
        this.catalog = catalog;
        this.user = user;
    }

    record Defaults(String provider, String model) {}

    /** A local provider as the overview lists it. */
    record LocalProviderEntry(String id, String name, String type, String providerType) {}

    /** {@code GET /settings}: what is configured, and the defaults chat uses. */
    record Overview(List<String> configuredProviders, List<LocalProviderEntry> localProviders, boolean demoMode,
            String defaultProvider, String defaultModel, String timezone, List<String> availableProviders) {}

    @GetMapping
    Overview overview() {
        String userId = user.id();
        List<LocalProviderSource.LocalProviderInfo> locals = defaults.localProviders(userId);
        List<String> configured = defaults.configuredProviders(userId);
        ProviderDefaults.Resolved resolved = defaults.resolve(userId, configured);
        return new Overview(configured,
                locals.stream().map(l -> new LocalProviderEntry(l.id(), l.name(), "local", l.type())).toList(),
                configured.isEmpty(), resolved.provider(), resolved.model(), settings.timeZone(userId).getId(),
                catalog.providers().stream().map(ProviderCatalog.KnownProvider::id).toList());
    }

    @GetMapping("/defaults")
    Defaults savedDefaults() {
        String userId = user.id();
        return new Defaults(settings.getText(userId, SettingsService.DEFAULT_PROVIDER).orElse(null),
                settings.getText(userId, SettingsService.DEFAULT_MODEL).orElse(null));
    }

    @PostMapping("/defaults")
    Defaults setDefaults(@RequestBody JsonNode body) {
        return saveDefaults(body, Set.of("provider", "model"));
    }

    /** The web UI's route for the default provider: {@code {provider}} (the same as {@code /defaults}). */
    @PostMapping("/default-provider")
    Defaults setDefaultProvider(@RequestBody JsonNode body) {
        return saveDefaults(body, Set.of("provider"));
    }

    /** The web UI's route for the default model: {@code {model}} (the same as {@code /defaults}). */
    @PostMapping("/default-model")
    Defaults setDefaultModel(@RequestBody JsonNode body) {
        return saveDefaults(body, Set.of("model"));
    }

    private Defaults saveDefaults(JsonNode body, Set<String> fields) {
        JsonFields in = JsonFields.of(body).allow(fields);
        String provider = in.text("provider", null, 64, false);
        String model = in.text("model", null, 200, false);
        if (provider != null && !ProviderIds.isValid(provider)) {
            in.problem("provider", "must be a provider id such as openai");
        }
        in.check();
        if (provider == null && model == null) {
            throw ApiException.validation("provider", "provider or model is required");
        }
        String userId = user.id();
        if (provider != null) {
            settings.setText(userId, SettingsService.DEFAULT_PROVIDER, provider);
        }
        if (model != null) {
            settings.setText(userId, SettingsService.DEFAULT_MODEL, model);
        }
        return savedDefaults();
    }
}
