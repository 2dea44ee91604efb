package ownpilot.gateway.settings;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.security.SecretCipher;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Provider API keys: stored encrypted in the settings table under {@code api_key:<provider>} as
 * {@code {"ciphertext", "hint"}}; a key in the provider's environment variable also counts.
 * Plaintext leaves this class only through {@link #resolve}, for the code that calls the provider.
 */
@Service
public class ApiKeys {

    static final String PREFIX = "api_key:";
    private static final int MAX_KEY_CHARS = 4096;

    public enum Source { database, environment }

    public record Status(String provider, boolean configured, Source source, String hint) {}

    private final SettingsRepository repository;
    private final SecretCipher cipher;
    private final ProviderCatalog catalog;
    private final Environment environment;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final SettingsService settings;

    ApiKeys(SettingsRepository repository, SecretCipher cipher, ProviderCatalog catalog, Environment environment,
            JsonMapper json, ApplicationEventPublisher events, SettingsService settings) {
        this.settings = settings;
        this.events = events;
        this.repository = repository;
        this.cipher = cipher;
        this.catalog = catalog;
        this.environment = environment;
        this.json = json;
    }

    /**
     * Stores the key, encrypted. The first key stored also becomes the default provider, in the same
     * transaction, so that adding another key later never changes the default.
     */
    @Transactional
    public Status store(String userId, String provider, String apiKey) {
        checkProvider(provider);
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiException.validation("apiKey", "is required");
        }
        if (apiKey.length() > MAX_KEY_CHARS || apiKey.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw ApiException.validation("apiKey",
                    "must be at most " + MAX_KEY_CHARS + " characters without spaces or control characters");
        }
        ObjectNode stored = json.createObjectNode()
                .put("ciphertext", cipher.encrypt(apiKey, PREFIX + provider))
                .put("hint", SecretCipher.mask(apiKey));
        repository.put(userId, PREFIX + provider, stored);
        if (settings.getText(userId, SettingsService.DEFAULT_PROVIDER).isEmpty()) {
            settings.setText(userId, SettingsService.DEFAULT_PROVIDER, provider);
        }
        events.publishEvent(new ApiKeyChanged(userId, provider));
        return status(userId, provider);
    }

    public boolean remove(String userId, String provider) {
        boolean removed = repository.delete(userId, PREFIX + checkProvider(provider));
        events.publishEvent(new ApiKeyChanged(userId, provider));
        return removed;
    }

    public Status status(String userId, String provider) {
        checkProvider(provider);
        Optional<JsonNode> stored = repository.find(userId, PREFIX + provider);
        if (stored.isPresent()) {
            return new Status(provider, true, Source.database, stored.get().path("hint").asString());
        }
        return fromEnvironment(provider)
                .map(key -> new Status(provider, true, Source.environment, SecretCipher.mask(key)))
                .orElse(new Status(provider, false, null, null));
    }

    /** The plaintext key for calling the provider: the stored one first, else the environment's. */
    public Optional<String> resolve(String userId, String provider) {
        return resolve(userId, provider, null);
    }

    /**
     * The plaintext key for calling a provider whose key variable the user may have changed: the
     * stored key, else {@code envName}'s value, else the catalog variable's.
     */
    public Optional<String> resolve(String userId, String provider, String envName) {
        return repository.find(userId, PREFIX + checkProvider(provider))
                .map(node -> cipher.decrypt(node.path("ciphertext").asString(), PREFIX + provider))
                .or(() -> envName == null ? Optional.empty() : variable(envName))
                .or(() -> fromEnvironment(provider));
    }

    /** Providers with a key, stored or in the environment, sorted by id. */
    public List<String> configuredProviders(String userId) {
        TreeSet<String> ids = new TreeSet<>();
        repository.keysWithPrefix(userId, PREFIX).forEach(k -> ids.add(k.substring(PREFIX.length())));
        catalog.providers().stream().filter(p -> fromEnvironment(p.id()).isPresent()).forEach(p -> ids.add(p.id()));
        return List.copyOf(ids);
    }

    private Optional<String> fromEnvironment(String provider) {
        return variable(catalog.apiKeyEnv(provider));
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.getProperty(name)).filter(v -> !v.isBlank());
    }

    static String checkProvider(String provider) {
        if (!ProviderIds.isValid(provider)) {
            throw ApiException.validation("provider",
                    "must be a provider id of lower-case letters, digits, '.', '_' or '-' (at most 64)");
        }
        return provider;
    }
}
