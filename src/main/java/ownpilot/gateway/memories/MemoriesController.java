package ownpilot.gateway.memories;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Deleted;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/**
 * Memories (spec §15, plus {@code GET /search}, {@code stats}, {@code decay} and {@code cleanup}).
 * {@code GET /memories?query=} (the web UI's search) answers the hybrid search's hits.
 */
@RestController
@RequestMapping("/api/v1/memories")
class MemoriesController {

    record Listing(List<MemorySearch.Hit> memories, long total, int limit, int offset) {}

    record SavedView(Memory memory, boolean deduplicated, Double similarity, String message) {}

    record Results(String query, List<MemorySearch.Hit> memories, int count) {}

    record IndexInfo(boolean built, int vectors, long ramBytes, String model) {}

    record StatsView(long total, Map<String, Long> byType, double avgImportance, long recentCount, IndexInfo index) {}

    record Decayed(int affectedCount) {}

    record Cleaned(int deletedCount) {}

    private final MemoryService memories;
    private final MemorySearch search;
    private final MemoryRepository repository;
    private final MemoryIndex index;
    private final MemoryIndexSync sync;
    private final CurrentUser user;

    MemoriesController(MemoryService memories, MemorySearch search, MemoryRepository repository, MemoryIndex index,
            MemoryIndexSync sync, CurrentUser user) {
        this.memories = memories;
        this.search = search;
        this.repository = repository;
        this.index = index;
        this.sync = sync;
        this.user = user;
    }

    @GetMapping
    Listing list(@RequestParam MultiValueMap<String, String> raw) {
        QueryParams q = new QueryParams(QueryParams.joined(raw));
        MemoryRepository.Filter filter = filter(q);
        Paging paging = q.paging(20);
        String query = q.text("query") != null ? q.text("query") : q.text("q");
        if (query != null) {
            List<MemorySearch.Hit> hits = search.search(user.id(), query, filter, paging.limit());
            return new Listing(hits, hits.size(), paging.limit(), 0);
        }
        List<MemorySearch.Hit> page = repository.list(user.id(), filter, paging.limit(), paging.offset()).stream()
                .map(m -> new MemorySearch.Hit(m, 0, null, null)).toList();
        return new Listing(page, repository.count(user.id(), filter), paging.limit(), paging.offset());
    }

    /** 201 with the new memory, or 200 with the stored one it boosted when it means the same. */
    @PostMapping
    ResponseEntity<SavedView> create(@RequestBody JsonNode body) {
        MemoryService.Saved saved = memories.remember(user.actor(), body);
        return ResponseEntity.status(saved.deduplicated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new SavedView(saved.memory(), saved.deduplicated(), saved.similarity(), saved.deduplicated()
                        ? "An equivalent memory exists; its importance was raised" : "Memory stored"));
    }

    /** {@code {memories: [{content, type?, importance?, tags?, metadata?, source?, sourceId?}]}}, up to 1,000. */
    @PostMapping("/import")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    MemoryService.Imported importAll(@RequestBody JsonNode body) {
        return memories.importAll(user.actor(), body);
    }

    @GetMapping("/search")
    Results searchByQuery(@RequestParam MultiValueMap<String, String> raw) {
        QueryParams q = new QueryParams(QueryParams.joined(raw));
        String query = q.text("q") != null ? q.text("q") : q.text("query");
        if (query == null) {
            throw ownpilot.gateway.shared.ApiException.validation("q", "is required");
        }
        List<MemorySearch.Hit> hits = search.search(user.id(), query, filter(q), q.integer("limit", 20, 1, 100));
        return new Results(query, hits, hits.size());
    }

    /** {@code {query, type?, tags?, minImportance?, limit?}} */
    @PostMapping("/search")
    Results search(@RequestBody JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("query", "type", "tags", "minImportance", "limit"));
        String query = in.text("query", null, 1000, true);
        String type = in.text("type", null, 20, false);
        if (type != null && !Memory.TYPES.contains(type)) {
            in.problem("type", "must be one of " + String.join(", ", Memory.TYPES));
        }
        Double minImportance = in.nullableNumber("minImportance", null, 0, 1, false);
        int limit = (int) in.number("limit", 20, 1, 100, true);
        List<String> tags = tags(in);
        in.check();
        List<MemorySearch.Hit> hits = search.search(user.id(), query,
                new MemoryRepository.Filter(type, tags, minImportance), limit);
        return new Results(query, hits, hits.size());
    }

    @GetMapping("/stats")
    StatsView stats() {
        MemoryRepository.Stats s = repository.stats(user.id());
        return new StatsView(s.total(), s.byType(), s.avgImportance(), s.recentCount(),
                new IndexInfo(sync.built(), index.size(), index.ramBytes(), Embeddings.MODEL));
    }

    /** {@code {daysThreshold (30), decayFactor (0.9)}}: older memories nobody read lose importance. */
    @PostMapping("/decay")
    Decayed decay(@RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("daysThreshold", "decayFactor"));
        int days = (int) in.number("daysThreshold", 30, 1, 3650, true);
        double factor = in.number("decayFactor", 0.9, 0.01, 1, false);
        in.check();
        return new Decayed(memories.decay(user.id(), days, factor));
    }

    /** {@code {maxAge (90), minImportance (0.1)}}: deletes old, unread memories that matter little. */
    @PostMapping("/cleanup")
    Cleaned cleanup(@RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("maxAge", "minImportance"));
        int days = (int) in.number("maxAge", 90, 1, 36500, true);
        double min = in.number("minImportance", 0.1, 0, 1, false);
        in.check();
        return new Cleaned(memories.cleanup(user.id(), days, min));
    }

    @GetMapping("/{id}")
    Memory get(@PathVariable String id) {
        return memories.read(user.id(), id);
    }

    @PatchMapping("/{id}")
    Memory update(@PathVariable String id, @RequestBody JsonNode body) {
        return memories.update(user.actor(), id, body);
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        memories.forget(user.actor(), id);
        return Deleted.of(id);
    }

    /** {@code {amount (0.1)}}, from -1 to 1; importance stays within 0..1. */
    @PostMapping("/{id}/boost")
    Memory boost(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonFields in = JsonFields.ofOptional(body).allow(Set.of("amount"));
        double amount = in.number("amount", 0.1, -1, 1, false);
        in.check();
        return memories.boost(user.actor(), id, amount);
    }

    private static MemoryRepository.Filter filter(QueryParams q) {
        String tags = q.text("tags");
        return new MemoryRepository.Filter(q.oneOf("type", Memory.TYPES),
                tags == null ? List.of() : List.of(tags.split(",")).stream().map(String::trim)
                        .filter(t -> !t.isEmpty()).distinct().limit(MemoryInput.MAX_TAGS).toList(),
                q.decimal("minImportance", 0, 1));
    }

    private static List<String> tags(JsonFields in) {
        JsonNode t = in.node("tags");
        if (t == null || t.isNull()) {
            return List.of();
        }
        if (!t.isArray() || t.size() > MemoryInput.MAX_TAGS || t.valueStream().anyMatch(v -> !v.isString())) {
            in.problem("tags", "must be an array of at most " + MemoryInput.MAX_TAGS + " strings");
            return List.of();
        }
        return t.valueStream().map(JsonNode::asString).toList();
    }
}
