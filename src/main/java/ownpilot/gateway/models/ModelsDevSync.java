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

    /** The providers models.dev offers now, most models first. */
    Map<String, Object> providers() {
        Map<String, ObjectNode> converted = CatalogConverter.convert(fetch());
        List<Map<String, Object>> list = new ArrayList<>();
        converted.values().forEach(p -> list.add(Map.of("id", p.path("id").asString(), "name",
                p.path("name").asString(), "modelCount", p.path("models").size())));
        list.sort(Comparator.comparing((Map<String, Object> p) -> (Integer) p.get("modelCount")).reversed());
        return Map.of("providers", list, "total", list.size(), "source", source.toString());
    }

    /** What a sync would change: providers and models offered, models new to the catalog, price changes. */
    Map<String, Object> status() {
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
        return Map.of("providers", converted.size(), "totalModels", total, "newModels", added,
                "changedPricing", repriced, "source", source.toString());
    }

    /** Removes every synced provider file, so the packaged catalog applies again. */
    void clearSynced() {
        try (var files = Files.list(catalog.syncedDirectory())) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        } catch (java.nio.file.NoSuchFileException none) {
            // nothing synced yet
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "SYNC_FAILED", "Cannot clear synced files");
        }
        catalog.reload();
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
    Map<String, Object> sync(List<String> requested) {
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("synced", synced);
        out.put("notFound", notFound);
        out.put("total", synced.size());
        out.put("message", "Synced " + synced.size() + " provider(s) from " + source);
        return out;
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
