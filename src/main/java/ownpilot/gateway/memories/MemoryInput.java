package ownpilot.gateway.memories;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.SecretMask;
import tools.jackson.databind.JsonNode;

/** Reads a memory from a request body or tool arguments: every field checked, secrets refused. */
final class MemoryInput {

    static final int MAX_CONTENT = 4000;
    static final int MAX_TAGS = 20;
    static final int MAX_METADATA = 8000;
    private static final Set<String> FIELDS = Set.of("content", "type", "importance", "tags", "source", "sourceId",
            "metadata");
    static final List<String> SOURCES = List.of("user", "conversation", "tool", "import", "extraction");

    /** A memory's fields; {@code importance} is null when not given (the stored or default value then applies). */
    record Fields(String type, String content, Double importance, List<String> tags, String source, String sourceId,
            String metadataJson) {}

    private MemoryInput() {}

    /** The fields of a new memory ({@code current} null) or of a change to {@code current}. */
    static Fields read(JsonNode body, Memory current) {
        JsonFields in = JsonFields.of(body).allow(FIELDS);
        if (current != null && body.isEmpty()) {
            throw ownpilot.gateway.shared.ApiException.badRequest("The body names no field to update");
        }
        for (String required : List.of("content", "type")) {
            if (in.has(required) && in.node(required).isNull()) {
                in.problem(required, "cannot be null");
            }
        }
        String content = in.text("content", current == null ? null : current.content(), MAX_CONTENT, true);
        String type = in.text("type", current == null ? "fact" : current.type(), 20, false);
        if (type != null && !Memory.TYPES.contains(type)) {
            in.problem("type", "must be one of " + String.join(", ", Memory.TYPES));
        }
        Double importance = in.has("importance")
                ? Double.valueOf(in.number("importance", 0.5, 0, 1, false)) : current == null ? null : current.importance();
        List<String> tags = in.has("tags") ? tags(in) : current == null ? List.of() : current.tags();
        String source = in.text("source", current == null ? "user" : current.source(), 20, false);
        if (current == null && source != null && !SOURCES.contains(source)) {
            in.problem("source", "must be one of " + String.join(", ", SOURCES));
        }
        if (current != null && (in.has("source") || in.has("sourceId"))) {
            in.problem(in.has("source") ? "source" : "sourceId", "is where the memory came from and cannot be changed");
        }
        String sourceId = in.nullableText("sourceId", current == null ? null : current.sourceId(), 200);
        JsonNode metadata = in.node("metadata");
        String metadataJson = current == null ? "{}" : current.metadata().json();
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject() || metadata.toString().length() > MAX_METADATA) {
                in.problem("metadata", "must be a JSON object of at most " + MAX_METADATA + " characters");
            } else {
                metadataJson = metadata.toString();
            }
        }
        in.check();
        if (SecretMask.containsSecret(content)) {
            throw ApiException.validation("content", "looks like a secret (an API key, a token or a password); "
                    + "secrets are never stored as memories");
        }
        return new Fields(type, content, importance, tags, source, sourceId, metadataJson);
    }

    private static List<String> tags(JsonFields in) {
        JsonNode tags = in.node("tags");
        List<String> out = new ArrayList<>();
        if (tags == null || tags.isNull()) {
            return out;
        }
        if (!tags.isArray() || tags.size() > MAX_TAGS) {
            in.problem("tags", "must be an array of at most " + MAX_TAGS + " strings");
            return out;
        }
        for (JsonNode t : tags) {
            if (!t.isString() || t.stringValue().isBlank() || t.stringValue().length() > 50) {
                in.problem("tags", "must hold non-empty strings of at most 50 characters");
                return out;
            }
            if (!out.contains(t.stringValue().trim())) {
                out.add(t.stringValue().trim());
            }
        }
        return out;
    }
}
