package ownpilot.gateway.models;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import ownpilot.gateway.settings.ProviderIds;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.OutboundHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches the models.dev catalog ({@code ownpilot.models.sync-url}) and writes converted provider
 * files into the data directory. When models.dev cannot be reached, or answers with something that
 * is not a catalog, nothing is written and the caller gets 503 {@code SYNC_UNAVAILABLE}.
 */
@Service
class ModelsDevSync {

    private static final long MAX_BYTES = 32L * 1024 * 1024;

    private final ModelCatalog catalog;
    private final JsonMapper json;
    private final URI source;
    private final OutboundHttp http;

    ModelsDevSync(ModelCatalog catalog, JsonMapper json, OutboundHttp http, ModelsProperties settings) {
        this.catalog = catalog;
        this.json = json;
        this.http = http;
        this.source = settings.syncUrl();
    }

    record OfferedProvider(String id, String name, int modelCount) {}

    record Offer(List<OfferedProvider> providers, int total, String source) {}

    /** What a sync would change. */
    record Status(int providers, int totalModels, int newModels, int changedPricing, String source) {}

    /** The figures the web UI shows after a sync or a reset. */
    record Stats(int providers, int totalModels, int synced, Integer deleted) {}

    /** What a sync wrote; {@code stats} is also sent beside {@code data}, where the web UI reads it. */
    record Result(List<String> synced, List<String> notFound, int total, String message, Stats stats)
            implements ownpilot.gateway.shared.ApiEnvelope.WithTopLevelStats {

        Result afterDeleting(int deleted) {
            return new Result(synced, notFound, total, message,
                    new Stats(stats.providers(), stats.totalModels(), stats.synced(), deleted));
        }
    }

    /** The providers models.dev offers now, most models first. */
    Offer providers() {
        Map<String, ObjectNode> converted = CatalogConverter.convert(fetch());
        List<OfferedProvider> list = new ArrayList<>();
        converted.values().forEach(p -> list.add(new OfferedProvider(p.path("id").asString(),
                p.path("name").asString(), p.path("models").size())));
        list.sort(Comparator.comparingInt(OfferedProvider::modelCount).reversed());
        return new Offer(list, list.size(), source.toString());
    }

    /** What a sync would change: providers and models offered, models new to the catalog, price changes. */
    Status status() {
        Map<String, ObjectNode> converted = CatalogConverter.convert(fetch());
        int total = 0;
        int added = 0;
        int repriced = 0;
        for (var e : converted.entrySet()) {
            Map<String, ModelInfo> current = new LinkedHashMap<>();
            catalog.models(e.getKey()).forEach(m -> current.put(m.id(), m));
            for (JsonNode m : e.getValue().path("models")) {
                total++;
                ModelInfo known = current.get(m.path("id").asString());
                if (known == null) {
                    added++;
                } else if (known.inputPrice() != m.path("inputPrice").asDouble()
                        || known.outputPrice() != m.path("outputPrice").asDouble()) {
                    repriced++;
                }
            }
        }
        return new Status(converted.size(), total, added, repriced, source.toString());
    }

    /** Removes every synced provider file, so the packaged catalog applies again; how many it removed. */
    int clearSynced() {
        int deleted = 0;
        try (var files = Files.list(catalog.syncedDirectory())) {
            for (Path f : files.toList()) {
                Files.delete(f);
                deleted++;
            }
        } catch (java.nio.file.NoSuchFileException none) {
            // nothing synced yet
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "SYNC_FAILED", "Cannot clear synced files");
        }
        catalog.reload();
        return deleted;
    }

    /** The synced file of a provider; an id that is not a provider id never names a file. */
    private Path syncedFile(String providerId) {
        if (!ProviderIds.isValid(providerId)) {
            throw ApiException.validation("provider", "must be a provider id such as openai");
        }
        Path dir = catalog.syncedDirectory();
        Path file = dir.resolve(providerId + ".json").normalize();
        if (!dir.equals(file.getParent())) {
            throw ApiException.validation("provider", "must be a provider id such as openai");
        }
        return file;
    }

    /** Removes one synced provider file; false when the provider had none. */
    boolean removeSynced(String providerId) {
        try {
            boolean removed = Files.deleteIfExists(syncedFile(providerId));
            catalog.reload();
            return removed;
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "SYNC_FAILED", "Cannot remove the synced file");
        }
    }

    /** Syncs the named providers (all when {@code requested} is empty) and reloads the catalog. */
    Result sync(List<String> requested) {
        Map<String, ObjectNode> converted = CatalogConverter.convert(fetch());
        List<String> wanted = requested.isEmpty() ? List.copyOf(converted.keySet()) : requested;
        List<String> synced = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        try {
            Files.createDirectories(catalog.syncedDirectory());
            for (String id : wanted) {
                ObjectNode provider = converted.get(id);
                if (provider == null) {
                    notFound.add(id);
                    continue;
                }
                write(syncedFile(id), provider);
                synced.add(id);
            }
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "SYNC_FAILED",
                    "Could not write the synced catalog: " + e.getMessage());
        }
        catalog.reload();
        int models = synced.stream().mapToInt(id -> converted.get(id).path("models").size()).sum();
        return new Result(synced, notFound, synced.size(), "Synced " + synced.size() + " provider(s) from " + source,
                new Stats(synced.size(), models, synced.size(), null));
    }

    private void write(Path target, JsonNode provider) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".sync-", ".json");
        Files.writeString(temp, json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(provider));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private JsonNode fetch() {
        try {
            OutboundHttp.Response response = http.get(source, Map.of("Accept", "application/json"),
                    Duration.ofSeconds(30), MAX_BYTES);
            if (response.status() != 200) {
                throw unavailable("models.dev answered HTTP " + response.status());
            }
            JsonNode document = json.readTree(response.body());
            if (!document.isObject() || document.isEmpty()) {
                throw unavailable("the models.dev answer is not a catalog");
            }
            return document;
        } catch (OutboundHttp.OutboundException e) {
            throw unavailable(switch (e.reason()) {
                case FORBIDDEN_ADDRESS -> "the sync URL points at a link-local or cloud metadata address";
                case TOO_LARGE -> "the models.dev answer is larger than " + MAX_BYTES + " bytes";
                case UNREACHABLE -> "models.dev is not reachable (" + e.getMessage() + ")";
            });
        } catch (JacksonException e) {
            throw unavailable("the models.dev answer is not JSON");
        }
    }

    private ApiException unavailable(String why) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SYNC_UNAVAILABLE",
                "Cannot sync the model catalog: " + why + ". The catalog was not changed.");
    }
}
