package ownpilot.gateway.memories;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.PgNotifications;

/**
 * Keeps the vector index a faithful copy of PostgreSQL. At start it embeds rows that have no vector of
 * the current model (new rows, or a model change), reads every vector into memory and builds the
 * graph from them in the background. Until the graph is built, nearest-neighbour queries compare
 * with those vectors exactly; while they are still being read, only writes since the start are
 * found by vector (the search is then full-text for older memories). Every change is applied here and announced to the other replicas, which re-read the row.
 */
@Component
class MemoryIndexSync {

    private static final Logger log = LoggerFactory.getLogger(MemoryIndexSync.class);
    private static final String CHANNEL = "ownpilot_memories";
    private static final String DELETED = "-";
    private static final String USER = "*";

    private final MemoryIndex index;
    private final MemoryRepository repository;
    private final Embeddings embeddings;
    private final PgNotifications replicas;
    private volatile boolean built;
    /** Every vector while the graph is being built; null before they are read and once it is built. */
    private volatile List<MemoryRepository.Vector> loaded;

    MemoryIndexSync(MemoryIndex index, MemoryRepository repository, Embeddings embeddings, PgNotifications replicas) {
        this.index = index;
        this.repository = repository;
        this.embeddings = embeddings;
        this.replicas = replicas;
        replicas.subscribe(CHANNEL, this::fromReplica);
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildInBackground() {
        Thread.ofVirtual().name("memory-index-build").start(this::build);
    }

    void build() {
        long started = System.nanoTime();
        try {
            int embedded = embedMissing();
            List<MemoryRepository.Vector> all = new java.util.ArrayList<>();
            repository.eachVector(null, all::add);
            loaded = all;
            all.forEach(v -> index.load(v.id(), v.userId(), v.type(), v.embedding()));
            index.refresh();
            built = true;
            loaded = null;
            log.info("Memory index built: {} vectors ({} embedded now) in {} ms, {} KiB", index.size(), embedded,
                    (System.nanoTime() - started) / 1_000_000, index.ramBytes() / 1024);
        } catch (RuntimeException e) {
            log.error("Building the memory index failed; searches scan the stored vectors instead", e);
        }
    }

    private int embedMissing() {
        int done = 0;
        List<Map.Entry<String, String>> batch;
        while (!(batch = repository.needingEmbedding(500)).isEmpty()) {
            for (var row : batch) {
                repository.setEmbedding(row.getKey(), embeddings.embed(row.getValue()));
                done++;
            }
        }
        return done;
    }

    boolean built() {
        return built;
    }

    List<MemoryIndex.Hit> nearest(String userId, String type, float[] vector, int k) {
        if (built) {
            return index.nearest(userId, type, vector, k);
        }
        List<MemoryRepository.Vector> all = loaded;
        if (all == null) {
            // still reading the vectors (seconds at 100k): scanning them in PostgreSQL took 19 s a search, so
            // until they are read the search is full-text only, plus what was written since the start
            return index.nearest(userId, type, vector, k);
        }
        // what the graph has so far (and writes since the start) wins over the vector read at the start
        java.util.Map<String, MemoryIndex.Hit> hits = new java.util.LinkedHashMap<>();
        index.nearest(userId, type, vector, k).forEach(h -> hits.put(h.id(), h));
        for (MemoryRepository.Vector v : all) {
            if (v.userId().equals(userId) && (type == null || v.type().equals(type))) {
                hits.putIfAbsent(v.id(), new MemoryIndex.Hit(v.id(), Embeddings.cosine(vector, v.embedding())));
            }
        }
        return hits.values().stream().sorted((a, b) -> Double.compare(b.similarity(), a.similarity())).limit(k)
                .toList();
    }

    void stored(String id, String userId, String type, float[] vector) {
        index.add(id, userId, type, vector);
        replicas.send(CHANNEL, id);
    }

    /** Many stored at once (an import): one announcement, on which the others re-read the user's vectors. */
    void storedAll(String userId, List<MemoryRepository.Vector> vectors) {
        vectors.forEach(v -> index.add(v.id(), v.userId(), v.type(), v.embedding()));
        replicas.send(CHANNEL, USER + userId);
    }

    void deleted(List<String> ids) {
        ids.forEach(index::remove);
        ids.forEach(id -> replicas.send(CHANNEL, DELETED + id));
    }

    private void fromReplica(String payload) {
        if (payload.startsWith(USER)) {
            repository.eachVector(payload.substring(USER.length()), v -> index.add(v.id(), v.userId(), v.type(),
                    v.embedding()));
            return;
        }
        if (payload.startsWith(DELETED)) {
            index.remove(payload.substring(DELETED.length()));
            return;
        }
        repository.vector(payload).ifPresentOrElse(v -> index.add(v.id(), v.userId(), v.type(), v.embedding()),
                () -> index.remove(payload));
    }
}
