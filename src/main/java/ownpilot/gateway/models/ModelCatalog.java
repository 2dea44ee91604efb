package ownpilot.gateway.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import ownpilot.gateway.settings.ProviderCatalog;
import ownpilot.gateway.shared.DataDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider and model catalog: the {@code models/*.json} files generated from models.dev and
 * packaged with the gateway, overlaid by providers synced from models.dev at run time. It is also the {@link ProviderCatalog} the settings module consults
 * for provider ids and their API-key variables.
 */
@Service
public class ModelCatalog implements ProviderCatalog {

    private final JsonMapper json;
    private final Path synced;
    private volatile Map<String, JsonNode> providers;
    private volatile List<KnownProvider> known;

    ModelCatalog(JsonMapper json, DataDirectory dataDirectory) {
        this.json = json;
        this.synced = dataDirectory.root().resolve("models");
        reload();
    }

    /** Reads the packaged catalog, then lets files synced into {@code <data dir>/models} replace providers. */
    synchronized void reload() {
        Map<String, JsonNode> loaded = new TreeMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:models/*.json")) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode provider = json.readTree(in);
                    loaded.put(provider.path("id").asString(), provider);
                }
            }
            if (Files.isDirectory(synced)) {
                try (var files = Files.list(synced)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        JsonNode provider = json.readTree(file.toFile());
                        loaded.put(provider.path("id").asString(), provider);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model catalog", e);
        }
        List<KnownProvider> list = new ArrayList<>();
        loaded.values().forEach(p -> list.add(new KnownProvider(p.path("id").asString(), p.path("name").asString(),
                p.path("apiKeyEnv").asString())));
        this.known = List.copyOf(list);
        this.providers = Collections.unmodifiableMap(loaded);
    }

    /** Where synced provider files are written. */
    Path syncedDirectory() {
        return synced;
    }

    @Override
    public List<KnownProvider> providers() {
        return known;
    }

    public Optional<JsonNode> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    public List<ModelInfo> models(String providerId) {
        JsonNode provider = providers.get(providerId);
        if (provider == null) {
            return List.of();
        }
        List<ModelInfo> out = new ArrayList<>();
        for (JsonNode m : provider.path("models")) {
            out.add(info(providerId, m));
        }
        return out;
    }

    /** One model of a provider, found without building the provider's whole list. */
    public Optional<ModelInfo> model(String providerId, String modelId) {
        JsonNode provider = providers.get(providerId);
        if (provider == null) {
            return Optional.empty();
        }
        for (JsonNode m : provider.path("models")) {
            if (m.path("id").asString().equals(modelId)) {
                return Optional.of(info(providerId, m));
            }
        }
        return Optional.empty();
    }

    private static ModelInfo info(String providerId, JsonNode m) {
        List<String> capabilities = m.path("capabilities").valueStream().map(JsonNode::asString).toList();
        return new ModelInfo(m.path("id").asString(), m.path("name").asString(), providerId,
                m.path("contextWindow").asInt(), m.path("maxOutput").asInt(), m.path("inputPrice").asDouble(),
                m.path("outputPrice").asDouble(), capabilities, m.path("default").asBoolean(false),
                m.path("releaseDate").asString(null));
    }

    public List<String> providerIds() {
        return List.copyOf(providers.keySet());
    }
}
