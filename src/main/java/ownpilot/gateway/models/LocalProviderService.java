package ownpilot.gateway.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import ownpilot.gateway.security.SecretCipher;
import ownpilot.gateway.settings.LocalProviderSource;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
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
                .map(r -> new LocalProviderInfo(r.id(), r.name())).toList();
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
    Map<String, Object> discover(String userId, String id) {
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sourceUrl", found.sourceUrl());
        out.put("totalModels", found.modelIds().size());
        out.put("newModels", added);
        out.put("existingModels", found.modelIds().size() - added);
        out.put("models", repository.models(userId, id));
        return out;
    }

    /** What clients see: everything but the key, which is reduced to whether one is set and a hint. */
    Map<String, Object> view(String userId, LocalProviderRepository.Row r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("name", r.name());
        out.put("providerType", r.providerType());
        out.put("baseUrl", r.baseUrl());
        out.put("hasApiKey", r.apiKey() != null);
        out.put("apiKeyHint", r.apiKey() == null ? null
                : SecretCipher.mask(cipher.decrypt(r.apiKey(), keyContext(r.id()))));
        out.put("isEnabled", r.isEnabled());
        out.put("isDefault", r.isDefault());
        out.put("discoveryEndpoint", r.discoveryEndpoint());
        out.put("lastDiscoveredAt", r.lastDiscoveredAt());
        out.put("modelCount", repository.modelCount(userId, r.id()));
        out.put("createdAt", r.createdAt());
        out.put("updatedAt", r.updatedAt());
        return out;
    }

    private LocalProviderRepository.Row read(JsonNode body, LocalProviderRepository.Row current) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field) || current != null && field.equals("providerType")) {
                throw ApiException.validation(field, current != null && field.equals("providerType")
                        ? "cannot be changed; add a new provider instead" : "is not a known field");
            }
        }
        boolean creating = current == null;
        String id = creating ? Ids.prefixed("local") : current.id();
        String name = text(body, "name", creating ? null : current.name(), 100, creating);
        String type = text(body, "providerType", creating ? null : current.providerType(), 20, creating);
        if (!TYPES.contains(type)) {
            throw ApiException.validation("providerType", "must be one of " + String.join(", ", TYPES));
        }
        String baseUrl = text(body, "baseUrl", creating ? null : current.baseUrl(), 2048, creating);
        ProviderConfigs.checkBaseUrl(baseUrl);
        String discoveryEndpoint = body.has("discoveryEndpoint") && body.get("discoveryEndpoint").isNull() ? null
                : text(body, "discoveryEndpoint", creating ? null : current.discoveryEndpoint(), 200, false);
        if (discoveryEndpoint != null && !discoveryEndpoint.matches("^/[A-Za-z0-9._~/-]*$")) {
            throw ApiException.validation("discoveryEndpoint", "must be a path such as /v1/models");
        }
        String apiKey = creating ? null : current.apiKey();
        if (body.has("apiKey")) {
            JsonNode key = body.get("apiKey");
            if (key.isNull()) {
                apiKey = null;
            } else if (!key.isString() || key.stringValue().isBlank() || key.stringValue().length() > 4096) {
                throw ApiException.validation("apiKey", "must be a non-empty string of at most 4096 characters");
            } else {
                apiKey = cipher.encrypt(key.stringValue(), keyContext(id));
            }
        }
        return new LocalProviderRepository.Row(id, name, type, baseUrl.replaceAll("/+$", ""), apiKey,
                bool(body, "isEnabled", creating || current.isEnabled()),
                bool(body, "isDefault", !creating && current.isDefault()), discoveryEndpoint, null, null, null);
    }

    private static String keyContext(String id) {
        return "local_provider:" + id;
    }

    private static String text(JsonNode body, String field, String fallback, int max, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.validation(field, "is required");
            }
            return fallback;
        }
        if (!v.isString() || v.stringValue().isBlank() || v.stringValue().length() > max) {
            throw ApiException.validation(field, "must be a non-empty string of at most " + max + " characters");
        }
        return v.stringValue().trim();
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiException.validation(field, "must be true or false");
        }
        return v.booleanValue();
    }
}
