package ownpilot.gateway.models;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import ownpilot.gateway.security.SecretCipher;
import ownpilot.gateway.settings.LocalProviderSource;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * Local model servers: validated, stored with the API key encrypted (shown only as a hint), and
 * listed in the settings overview while enabled.
 */
@Service
class LocalProviderService implements LocalProviderSource {

    static final List<String> TYPES = List.of("lmstudio", "ollama", "localai", "vllm", "custom");
    private static final Set<String> FIELDS = Set.of("name", "providerType", "baseUrl", "apiKey", "discoveryEndpoint",
            "isEnabled", "isDefault");

    private final LocalProviderRepository repository;
    private final ModelDiscovery discovery;
    private final SecretCipher cipher;

    LocalProviderService(LocalProviderRepository repository, ModelDiscovery discovery, SecretCipher cipher) {
        this.repository = repository;
        this.discovery = discovery;
        this.cipher = cipher;
    }

    @Override
    public List<LocalProviderInfo> enabledLocalProviders(String userId) {
        return repository.list(userId).stream().filter(LocalProviderRepository.Row::isEnabled)
                .map(r -> new LocalProviderInfo(r.id(), r.name(), r.providerType())).toList();
    }

    /** The local server's key in plaintext, for calling it; null when it needs none. */
    String apiKey(LocalProviderRepository.Row row) {
        return row.apiKey() == null ? null : cipher.decrypt(row.apiKey(), keyContext(row.id()));
    }

    LocalProviderRepository.Row get(String userId, String id) {
        return repository.find(userId, id).orElseThrow(() -> ApiException.notFound("Local provider"));
    }

    LocalProviderRepository.Row create(String userId, JsonNode body) {
        LocalProviderRepository.Row row = read(body, null);
        if (repository.findByName(userId, row.name()).isPresent()) {
            throw ApiException.conflict("A local provider called " + row.name() + " already exists");
        }
        LocalProviderRepository.Row saved = repository.insert(userId, row);
        if (saved.isDefault()) {
            repository.clearDefaultExcept(userId, saved.id());
        }
        return saved;
    }

    LocalProviderRepository.Row update(String userId, String id, JsonNode body) {
        LocalProviderRepository.Row next = read(body, get(userId, id));
        repository.findByName(userId, next.name()).filter(r -> !r.id().equals(id)).ifPresent(r -> {
            throw ApiException.conflict("A local provider called " + next.name() + " already exists");
        });
        LocalProviderRepository.Row saved = repository.update(userId, next)
                .orElseThrow(() -> ApiException.notFound("Local provider"));
        if (saved.isDefault()) {
            repository.clearDefaultExcept(userId, id);
        }
        return saved;
    }

    /** Asks the server for its models and adds the new ones (enabled, chat + streaming). */
    LocalProviderViews.Discovery discover(String userId, String id) {
        LocalProviderRepository.Row row = get(userId, id);
        String apiKey = row.apiKey() == null ? null : cipher.decrypt(row.apiKey(), keyContext(id));
        ModelDiscovery.Found found = discovery.discover(row.providerType(), row.baseUrl(), row.discoveryEndpoint(),
                apiKey);
        int added = 0;
        for (String modelId : found.modelIds()) {
            if (repository.addModel(userId, id, Ids.prefixed("lmodel"), modelId, ModelDiscovery.displayName(modelId),
                    "[\"chat\", \"streaming\"]", 32_768, 4_096)) {
                added++;
            }
        }
        repository.discovered(userId, id);
        return new LocalProviderViews.Discovery(found.sourceUrl(), found.modelIds().size(), added,
                found.modelIds().size() - added, repository.models(userId, id));
    }

    /** What clients see: everything but the key, which is reduced to whether one is set and a hint. */
    LocalProviderViews.Provider view(String userId, LocalProviderRepository.Row r) {
        return new LocalProviderViews.Provider(r.id(), r.name(), r.providerType(), r.baseUrl(), r.apiKey() != null,
                r.apiKey() == null ? null : SecretCipher.mask(cipher.decrypt(r.apiKey(), keyContext(r.id()))),
                r.isEnabled(), r.isDefault(), r.discoveryEndpoint(), r.lastDiscoveredAt(),
                repository.modelCount(userId, r.id()), r.createdAt(), r.updatedAt());
    }

    private LocalProviderRepository.Row read(JsonNode body, LocalProviderRepository.Row current) {
        boolean creating = current == null;
        JsonFields in = JsonFields.of(body).allow(FIELDS);
        if (!creating && in.has("providerType")) {
            in.problem("providerType", "cannot be changed; add a new provider instead");
        }
        String id = creating ? Ids.prefixed("local") : current.id();
        String name = in.text("name", creating ? null : current.name(), 100, true);
        String type = creating ? in.text("providerType", null, 20, true) : current.providerType();
        if (type != null && !TYPES.contains(type)) {
            in.problem("providerType", "must be one of " + String.join(", ", TYPES));
        }
        String baseUrl = in.text("baseUrl", creating ? null : current.baseUrl(), 2048, true);
        String discoveryEndpoint = in.nullableText("discoveryEndpoint", creating ? null : current.discoveryEndpoint(),
                200);
        if (discoveryEndpoint != null && !discoveryEndpoint.matches("^/[A-Za-z0-9._~/-]*$")) {
            in.problem("discoveryEndpoint", "must be a path such as /v1/models");
        }
        String newKey = in.nullableText("apiKey", null, 4096);
        boolean enabled = in.bool("isEnabled", creating || current.isEnabled());
        boolean isDefault = in.bool("isDefault", !creating && current.isDefault());
        in.check();
        ProviderConfigs.checkBaseUrl(baseUrl);
        String apiKey = !in.has("apiKey") ? (creating ? null : current.apiKey())
                : newKey == null ? null : cipher.encrypt(newKey, keyContext(id));
        return new LocalProviderRepository.Row(id, name, type, baseUrl.replaceAll("/+$", ""), apiKey, enabled,
                isDefault, discoveryEndpoint, null, null, null);
    }

    private static String keyContext(String id) {
        return "local_provider:" + id;
    }
}
