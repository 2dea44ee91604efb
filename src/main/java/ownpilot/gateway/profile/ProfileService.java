package ownpilot.gateway.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.shared.AfterCommit;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.SharedCaches;
import ownpilot.gateway.shared.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user's profile. {@code PUT /profile} replaces the whole document (a category left out becomes
 * empty), {@code PATCH /profile} merges into it by JSON Merge Patch, {@code PUT /profile/:category}
 * replaces one category. Every change runs under the row's lock, so two writers never lose one another.
 */
@Service
public class ProfileService {

    record Entry(String category, String key, JsonNode value) {}

    record Export(List<Entry> entries, ObjectNode profile, String exportedAt) {}

    record Updated(List<String> updated, ProfileView profile) {}

    record Imported(int imported) {}

    /** The original UI's entry categories that are lists inside a spec category. */
    private static final Map<String, String[]> LIST_ENTRIES = Map.of(
            "instructions", new String[] {"preferences", "ai", "customInstructions"},
            "boundaries", new String[] {"preferences", "ai", "boundaries"},
            "hobbies", new String[] {"interests", "hobbies"},
            "skills", new String[] {"work", "skills"});
    private static final int MAX_IMPORT = 500;

    private final ProfileRepository repository;
    private final JsonMapper json;
    /** Read before every chat turn, so cached; every change drops the entry here and on the other replicas. */
    private final SharedCaches.Named<String> summaries;

    ProfileService(ProfileRepository repository, JsonMapper json, SharedCaches caches) {
        this.repository = repository;
        this.json = json;
        this.summaries = caches.cache("profile_summaries", 10_000);
    }

    ObjectNode document(String userId) {
        return document(repository.find(userId));
    }

    ProfileView view(String userId) {
        var stored = repository.find(userId);
        return ProfileView.of(document(stored), stored.map(ProfileRepository.Stored::updatedAt).orElse(null));
    }

    private ObjectNode document(java.util.Optional<ProfileRepository.Stored> stored) {
        return ProfileDocument.normalized(stored.map(s -> json.readTree(s.json())).orElse(null));
    }

    /** The profile as prompt text; empty when nothing is set. */
    public String summary(String userId) {
        return summaries.get(userId, id -> ProfileSummary.of(document(id)));
    }

    @Transactional
    public ProfileView replace(String userId, JsonNode body) {
        ProfileDocument.checkProfile(body);
        return change(userId, doc -> {
            ObjectNode next = ProfileDocument.empty();
            body.properties().forEach(e -> {
                if (e.getValue().isObject()) {
                    next.set(e.getKey(), e.getValue());
                }
            });
            return next;
        });
    }

    @Transactional
    public ProfileView patch(String userId, JsonNode body) {
        ProfileDocument.checkProfile(body);
        return change(userId, doc -> {
            body.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    doc.putObject(e.getKey());
                } else {
                    ProfileDocument.merge((ObjectNode) doc.get(e.getKey()), e.getValue());
                }
            });
            return doc;
        });
    }

    @Transactional
    public ProfileView replaceCategory(String userId, String category, JsonNode body) {
        ProfileDocument.requireCategory(category);
        ProfileDocument.checkCategory(category, body == null ? JsonNodeFactory.instance.nullNode() : body);
        return change(userId, doc -> {
            doc.set(category, body);
            return doc;
        });
    }

    JsonNode category(String userId, String category) {
        return document(userId).get(ProfileDocument.requireCategory(category));
    }

    /** The web UI's quick setup: a few fields, each written where the profile keeps it. */
    @Transactional
    public Updated quick(String userId, JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("name", "nickname", "location", "timezone", "occupation",
                "language", "communicationStyle", "autonomyLevel"));
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        List<String> updated = new ArrayList<>();
        set(in, "name", patch, updated, "basicInfo", "name");
        set(in, "nickname", patch, updated, "basicInfo", "nickname");
        set(in, "location", patch, updated, "basicInfo", "location", "city");
        set(in, "timezone", patch, updated, "basicInfo", "location", "timezone");
        set(in, "occupation", patch, updated, "work", "occupation");
        set(in, "language", patch, updated, "communication", "primaryLanguage");
        set(in, "communicationStyle", patch, updated, "communication", "preferredStyle");
        set(in, "autonomyLevel", patch, updated, "preferences", "ai", "autonomyLevel");
        in.check();
        return new Updated(updated, patch(userId, patch));
    }

    /**
     * One entry in the original's form ({@code {category, key, value}}): the list categories
     * (instructions, boundaries, hobbies, skills) append {@code value}; a spec category sets {@code key}.
     */
    @Transactional
    public ProfileView data(String userId, JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("category", "key", "value", "data", "confidence", "source",
                "sensitive"));
        String category = in.text("category", null, 50, true);
        String key = in.text("key", null, 100, true);
        JsonNode value = in.node("value");
        if (value == null || value.isNull() || value.isObject() && value.toString().length() > 4000) {
            in.problem("value", "is required (at most 4000 characters)");
        }
        in.check();
        return change(userId, doc -> {
            put(doc, category, key, value);
            return doc;
        });
    }

    Export export(String userId) {
        ObjectNode doc = document(userId);
        List<Entry> entries = new ArrayList<>();
        ProfileDocument.CATEGORIES.forEach(c -> doc.get(c).properties()
                .forEach(e -> entries.add(new Entry(c, e.getKey(), e.getValue()))));
        return new Export(entries, doc, Instant.now().toString());
    }

    /** {@code {entries: [{category, key, value}]}}, as {@code export} writes them; each one set in turn. */
    @Transactional
    public Imported importEntries(String userId, JsonNode body) {
        JsonNode entries = body == null ? null : body.get("entries");
        if (entries == null || !entries.isArray() || entries.size() > MAX_IMPORT) {
            throw ApiException.validation("entries", "must be an array of at most " + MAX_IMPORT + " entries");
        }
        for (JsonNode e : entries) {
            if (!e.isObject() || !e.path("category").isString() || !e.path("key").isString() || !e.has("value")) {
                throw ApiException.validation("entries", "each entry needs category, key and value");
            }
        }
        change(userId, doc -> {
            entries.forEach(e -> put(doc, e.path("category").asString(), e.path("key").asString(), e.get("value")));
            return doc;
        });
        return new Imported(entries.size());
    }

    private void put(ObjectNode doc, String category, String key, JsonNode value) {
        String[] list = LIST_ENTRIES.get(category);
        if (list != null) {
            ObjectNode parent = doc;
            for (int i = 0; i < list.length - 1; i++) {
                parent = parent.has(list[i]) && parent.get(list[i]).isObject() ? (ObjectNode) parent.get(list[i])
                        : parent.putObject(list[i]);
            }
            String field = list[list.length - 1];
            ArrayNode items = parent.path(field).isArray() ? (ArrayNode) parent.get(field) : parent.putArray(field);
            if (!items.valueStream().anyMatch(value::equals)) {
                items.add(value);
            }
            return;
        }
        if (!ProfileDocument.CATEGORIES.contains(category)) {
            throw ApiException.validation("category", "must be one of " + String.join(", ", ProfileDocument.CATEGORIES)
                    + ", or instructions, boundaries, hobbies, skills");
        }
        ((ObjectNode) doc.get(category)).set(key, value);
    }

    private ProfileView change(String userId, UnaryOperator<ObjectNode> edit) {
        ObjectNode next = edit.apply(ProfileDocument.normalized(json.readTree(repository.lock(userId))));
        ProfileDocument.CATEGORIES.forEach(c -> ProfileDocument.checkCategory(c, next.get(c)));
        repository.save(userId, next.toString());
        AfterCommit.run(() -> summaries.invalidate(userId));
        return view(userId);
    }

    private static void set(JsonFields in, String field, ObjectNode patch, List<String> updated, String... path) {
        String value = in.nullableText(field, null, 200);
        if (!in.has(field)) {
            return;
        }
        ObjectNode at = patch;
        for (int i = 0; i < path.length - 1; i++) {
            at = at.has(path[i]) ? (ObjectNode) at.get(path[i]) : at.putObject(path[i]);
        }
        if (value == null) {
            at.putNull(path[path.length - 1]);
        } else {
            at.put(path[path.length - 1], value);
        }
        updated.add(field);
    }
}
