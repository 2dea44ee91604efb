package ownpilot.gateway.memories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The approximate-nearest-neighbour index of memory vectors: Lucene's HNSW graph, in memory. It is
 * a copy: PostgreSQL holds every vector, {@link MemoryIndexSync} builds the index from it at start
 * and keeps it current on every replica. Each hit is scored by cosine similarity.
 */
@Component
class MemoryIndex implements DisposableBean {

    record Hit(String id, double similarity) {}

    private static final String ID = "id";
    private static final String USER = "user";
    private static final String TYPE = "type";
    private static final String VECTOR = "vector";

    /** Writes since the last reopen, searched exactly until the next one: reopening per write cost a segment each. */
    private record Recent(String userId, String type, float[] vector) {}

    /** Past this many unseen writes the searcher is reopened at once, not at the next tick. */
    static final int MAX_RECENT = 2000;

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final Map<String, Recent> recent = new ConcurrentHashMap<>();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    MemoryIndex() {
        try {
            // a large buffer keeps the start-up build in few segments: merging HNSW graphs costs more than
            // building them
            writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(512));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the in-memory vector index", e);
        }
    }

    /** Adds or replaces one memory's vector; searches see it at once. */
    void add(String id, String userId, String type, float[] vector) {
        try {
            writer.updateDocument(new Term(ID, id), document(id, userId, type, vector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recent.put(id, new Recent(userId, type, vector));
        removed.remove(id);
        if (recent.size() > MAX_RECENT) {
            refresh();
        }
    }

    /**
     * Appends without replacing and without making it visible before the next {@link #refresh}: for the
     * start-up build, searched otherwise meanwhile. A memory changed during the build may then be in
     * the graph twice; searches keep its first (best) hit.
     */
    void load(String id, String userId, String type, float[] vector) {
        try {
            writer.addDocument(document(id, userId, type, vector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(String id, String userId, String type, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new StringField(USER, userId, Field.Store.NO));
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        return doc;
    }

    void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recent.remove(id);
        removed.add(id);
    }

    /** Makes the graph see every write so far, then stops searching those writes exactly. */
    void refresh() {
        Map<String, Recent> seen = Map.copyOf(recent);
        Set<String> gone = Set.copyOf(removed);
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seen.forEach(recent::remove);
        removed.removeAll(gone);
    }

    /** Once a second, when something was written: the graph catches up. */
    @Scheduled(fixedDelay = 1000)
    void refreshIfWritten() {
        if (!recent.isEmpty() || !removed.isEmpty()) {
            refresh();
        }
    }

    /** The user's {@code k} memories nearest to {@code vector}, of one type when {@code type} is set. */
    List<Hit> nearest(String userId, String type, float[] vector, int k) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(USER, userId)), BooleanClause.Occur.FILTER);
        if (type != null) {
            filter.add(new TermQuery(new Term(TYPE, type)), BooleanClause.Occur.FILTER);
        }
        Query query = new KnnFloatVectorQuery(VECTOR, vector, k, filter.build());
        List<Hit> hits = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        recent.forEach((id, r) -> {
            if (r.userId().equals(userId) && (type == null || r.type().equals(type))) {
                hits.add(new Hit(id, Embeddings.cosine(vector, r.vector())));
            }
        });
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                var stored = searcher.storedFields();
                for (ScoreDoc d : searcher.search(query, k).scoreDocs) {
                    String id = stored.document(d.doc).get(ID);
                    if (!recent.containsKey(id) && !removed.contains(id) && seen.add(id)) {
                        // Lucene scores cosine as (1 + cos) / 2
                        hits.add(new Hit(id, 2.0 * d.score - 1.0));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hits.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    /** Bytes the index holds in memory: its files (vectors and graph) and the writer's buffer. */
    long ramBytes() {
        long bytes = writer.ramBytesUsed();
        String[] files;
        try {
            files = directory.listAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String file : files) {
            try {
                bytes += directory.fileLength(file);
            } catch (IOException mergedAway) {
                // a merge removed it since the listing
            }
        }
        return bytes;
    }

    void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recent.clear();
        refresh();
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
    }
}
