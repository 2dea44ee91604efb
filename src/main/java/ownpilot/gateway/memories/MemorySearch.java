package ownpilot.gateway.memories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Hybrid search over a user's memories: the nearest vectors and the full-text matches, fused by
 * reciprocal rank.
 */
@Component
class MemorySearch {

    /**
     * One search hit. {@code score} is the fused rank score (the sum of 1/(60 + rank) over the vector
     * and the text ranking), {@code similarity} the cosine similarity to the query when the vector
     * search found it, {@code textRank} its place in the full-text ranking when the words matched.
     */
    public record Hit(@com.fasterxml.jackson.annotation.JsonUnwrapped Memory memory, double score, Double similarity,
            Integer textRank) {}

    /** Hybrid search ranks fused with k = 60, the constant of the reciprocal-rank-fusion paper. */
    private static final int RRF_K = 60;
    /** Below this cosine similarity a vector neighbour is noise rather than a match. */
    static final double MIN_SIMILARITY = 0.25;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{1,64}");
    private static final int MAX_QUERY_WORDS = 32;

    private final MemoryRepository repository;
    private final Embeddings embeddings;
    private final MemoryIndexSync index;
    private final Executor beside = Executors.newVirtualThreadPerTaskExecutor();

    MemorySearch(MemoryRepository repository, Embeddings embeddings, MemoryIndexSync index) {
        this.repository = repository;
        this.embeddings = embeddings;
        this.index = index;
    }

    /** The user's memories that best match {@code query} by meaning or by words, best first. */
    List<Hit> search(String userId, String query, MemoryRepository.Filter filter, int limit) {
        int pool = Math.max(limit * 2, 10);
        String words = tsquery(query);
        // the full-text query runs in the database while the query is embedded here
        CompletableFuture<List<String>> text = words == null ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> repository.textMatches(userId, words, filter, pool), beside);
        List<MemoryIndex.Hit> nearest = index.nearest(userId, filter.type(), embeddings.embed(query), pool).stream()
                .filter(h -> h.similarity() >= MIN_SIMILARITY).toList();
        List<String> matches;
        try {
            matches = text.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Map<String, Double> fused = new HashMap<>();
        Map<String, Double> similarity = new HashMap<>();
        Map<String, Integer> textRank = new HashMap<>();
        for (int i = 0; i < nearest.size(); i++) {
            fused.merge(nearest.get(i).id(), 1.0 / (RRF_K + i + 1), Double::sum);
            similarity.put(nearest.get(i).id(), nearest.get(i).similarity());
        }
        for (int i = 0; i < matches.size(); i++) {
            fused.merge(matches.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
            textRank.put(matches.get(i), i + 1);
        }
        Map<String, Memory> rows = repository.byIds(userId, new ArrayList<>(fused.keySet()), filter);
        return rows.values().stream()
                .map(m -> new Hit(m, round(fused.get(m.id())), similarity.containsKey(m.id())
                        ? round(similarity.get(m.id())) : null, textRank.get(m.id())))
                .sorted((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                        : Double.compare(b.memory().importance(), a.memory().importance()))
                .limit(limit).toList();
    }

    /** The query's words joined by OR for {@code to_tsquery}; only letters and digits, so never its syntax. */
    static String tsquery(String query) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query);
        while (m.find() && words.size() < MAX_QUERY_WORDS) {
            words.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
        return words.isEmpty() ? null : String.join(" | ", words);
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
