package ownpilot.gateway.memories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.AfterCommit;
import ownpilot.gateway.shared.SharedCaches;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.DomainEvents;
import ownpilot.gateway.shared.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Remembering and recalling. A new memory that means what a stored one of the same type already says
 * (cosine similarity at or above {@code ownpilot.memory.dedup-similarity}) boosts that one instead of
 * adding a copy. Recall for a chat turn goes through the hybrid {@link MemorySearch}.
 */
@Service
public class MemoryService {

    /** A saved memory; {@code deduplicated} when an equivalent one was boosted instead. */
    public record Saved(Memory memory, boolean deduplicated, Double similarity) {}

    private static final double BOOST = 0.1;

    private final MemoryRepository repository;
    private final Embeddings embeddings;
    private final MemoryIndexSync index;
    private final DomainEvents events;
    private final MemoryProperties settings;
    private final MemorySearch search;
    /** Whether a user has any memory, asked before every chat turn: cached, dropped on every insert and delete. */
    private final SharedCaches.Named<Boolean> owners;

    MemoryService(MemoryRepository repository, Embeddings embeddings, MemoryIndexSync index, DomainEvents events,
            MemoryProperties settings, SharedCaches caches, MemorySearch search) {
        this.search = search;
        this.owners = caches.cache("memory_owners", 10_000);
        this.repository = repository;
        this.embeddings = embeddings;
        this.index = index;
        this.events = events;
        this.settings = settings;
    }

    /** How many memories a user has, by type, and how many of them are from the last 7 days. */
    public record Summary(long total, Map<String, Long> byType, double avgImportance, long recentCount) {}

    public Summary summary(String userId) {
        MemoryRepository.Stats s = repository.stats(userId);
        return new Summary(s.total(), s.byType(), s.avgImportance(), s.recentCount());
    }

    /** Remembers what {@code body} says; provenance defaults to the actor's request when none is given. */
    public Saved remember(Actor actor, JsonNode body) {
        return remember(actor, MemoryInput.read(body, null));
    }

    Saved remember(Actor actor, MemoryInput.Fields f) {
        String userId = actor.userId();
        float[] vector = embeddings.embed(f.content());
        Saved boosted = boostEquivalent(userId, f.type(), vector).orElse(null);
        if (boosted != null) {
            events.publish(new MemoryChanged(actor, MemoryChanged.Change.boosted, boosted.memory()));
            return boosted;
        }
        Memory saved = repository.insert(userId, Ids.uuid(), newValues(f, vector));
        index.stored(saved.id(), userId, saved.type(), vector);
        changed(userId);
        events.publish(new MemoryChanged(actor, MemoryChanged.Change.created, saved));
        return new Saved(saved, false, null);
    }

    /** What an import did: stored as new, merged into an equivalent memory, or refused (with why). */
    public record Imported(int imported, int deduplicated, List<String> refused) {}

    static final int MAX_IMPORT = 1000;

    /**
     * Many memories at once ({@code {memories: [...]}}, up to 1,000): each validated and embedded, each
     * compared with the stored ones and with those before it in the import, the new ones stored in one
     * transaction and indexed together. One audit record tells of the import.
     */
    public Imported importAll(Actor actor, JsonNode body) {
        JsonNode items = body == null ? null : body.get("memories");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_IMPORT) {
            throw ApiException.validation("memories", "must be an array of 1 to " + MAX_IMPORT + " memories");
        }
        String userId = actor.userId();
        List<String> refused = new ArrayList<>();
        List<MemoryRepository.Vector> batch = new ArrayList<>();
        List<MemoryRepository.Values> values = new ArrayList<>();
        int merged = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            MemoryInput.Fields f;
            try {
                ObjectNode withSource = item.isObject() ? ((ObjectNode) item).deepCopy() : null;
                if (withSource != null && !withSource.has("source")) {
                    withSource.put("source", "import");
                }
                f = MemoryInput.read(withSource, null);
            } catch (ApiException e) {
                refused.add("#" + i + ": " + e.getMessage());
                continue;
            }
            float[] vector = embeddings.embed(f.content());
            if (duplicateInBatch(f.type(), vector, batch)
                    || boostEquivalent(userId, f.type(), vector).isPresent()) {
                merged++;
                continue;
            }
            batch.add(new MemoryRepository.Vector(Ids.uuid(), userId, f.type(), vector));
            values.add(newValues(f, vector));
        }
        repository.insertAll(userId, batch, values);
        index.storedAll(userId, batch);
        changed(userId);
        events.publish(new MemoryChanged(actor, MemoryChanged.Change.imported, "import", "import", "import",
                java.time.Instant.now()));
        return new Imported(batch.size(), merged, refused);
    }

    private boolean duplicateInBatch(String type, float[] vector, List<MemoryRepository.Vector> batch) {
        return batch.stream().anyMatch(v -> v.type().equals(type)
                && Embeddings.cosine(v.embedding(), vector) >= settings.dedupSimilarity());
    }

    /** Boosts the user's stored memory of this type that means the same (at the dedup similarity), if any. */
    private java.util.Optional<Saved> boostEquivalent(String userId, String type, float[] vector) {
        for (MemoryIndex.Hit near : index.nearest(userId, type, vector, 3)) {
            if (near.similarity() >= settings.dedupSimilarity()) {
                var boosted = repository.boost(userId, near.id(), BOOST);
                if (boosted.isPresent()) {
                    return java.util.Optional.of(new Saved(boosted.get(), true, MemorySearch.round(near.similarity())));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static MemoryRepository.Values newValues(MemoryInput.Fields f, float[] vector) {
        return new MemoryRepository.Values(f.type(), f.content(), f.importance() == null ? 0.5 : f.importance(),
                f.tags(), f.source(), f.sourceId(), f.metadataJson(), vector);
    }

    public Memory get(String userId, String id) {
        return repository.find(userId, id).orElseThrow(() -> ApiException.notFound("Memory " + id));
    }

    /** Reads a memory as a user's look at it: counted as an access. */
    Memory read(String userId, String id) {
        Memory m = get(userId, id);
        repository.touch(userId, List.of(id));
        return m;
    }

    public Memory update(Actor actor, String id, JsonNode patch) {
        String userId = actor.userId();
        Memory current = get(userId, id);
        MemoryInput.Fields f = MemoryInput.read(patch, current);
        boolean moved = !f.content().equals(current.content()) || !f.type().equals(current.type());
        float[] vector = moved ? embeddings.embed(f.content())
                : repository.embedding(userId, id).orElseGet(() -> embeddings.embed(f.content()));
        Memory saved = repository.update(userId, id, new MemoryRepository.Values(f.type(), f.content(),
                f.importance(), f.tags(), current.source(), current.sourceId(), f.metadataJson(), vector))
                .orElseThrow(() -> ApiException.notFound("Memory " + id));
        index.stored(id, userId, saved.type(), vector);
        events.publish(new MemoryChanged(actor, MemoryChanged.Change.updated, saved));
        return saved;
    }

    public void forget(Actor actor, String id) {
        Memory current = get(actor.userId(), id);
        if (repository.delete(actor.userId(), id)) {
            index.deleted(List.of(id));
            changed(actor.userId());
            events.publish(new MemoryChanged(actor, MemoryChanged.Change.deleted, current));
        }
    }

    Memory boost(Actor actor, String id, double amount) {
        Memory boosted = repository.boost(actor.userId(), id, amount)
                .orElseThrow(() -> ApiException.notFound("Memory " + id));
        events.publish(new MemoryChanged(actor, MemoryChanged.Change.boosted, boosted));
        return boosted;
    }

    /**
     * What a chat turn recalls for {@code message}: the best matches within the configured count and
     * character budget, each counted as an access.
     */
    public List<Memory> recall(String userId, String message) {
        if (message == null || message.isBlank() || settings.recallLimit() == 0
                || !owners.get(userId, repository::any)) {
            return List.of();
        }
        List<Memory> out = new ArrayList<>();
        int chars = 0;
        for (MemorySearch.Hit hit : search.search(userId, message, MemoryRepository.Filter.NONE, settings.recallLimit())) {
            chars += hit.memory().content().length();
            if (chars > settings.recallChars() && !out.isEmpty()) {
                break;
            }
            out.add(hit.memory());
        }
        repository.touch(userId, out.stream().map(Memory::id).toList());
        return out;
    }

    int decay(String userId, int days, double factor) {
        return repository.decay(userId, days, factor);
    }

    int cleanup(String userId, int days, double minImportance) {
        List<String> deleted = repository.cleanup(userId, days, minImportance);
        index.deleted(deleted);
        if (userId == null) {
            owners.invalidateAll();
        } else {
            changed(userId);
        }
        return deleted.size();
    }

    private void changed(String userId) {
        AfterCommit.run(() -> owners.invalidate(userId));
    }

}
