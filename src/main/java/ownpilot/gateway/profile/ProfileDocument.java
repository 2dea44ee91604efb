package ownpilot.gateway.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The profile document: one JSON object per category. Changes follow JSON Merge Patch (RFC 7396):
 * an object merges into the stored object key by key, {@code null} removes a key, anything else
 * (a string, a number, an array) replaces the stored value. Each category is bounded in size and depth.
 */
final class ProfileDocument {

    static final List<String> CATEGORIES = List.of("basicInfo", "preferences", "communication", "work", "interests",
            "health", "goals");
    static final int MAX_CATEGORY_CHARS = 16_000;
    static final int MAX_DEPTH = 5;
    static final int MAX_KEYS = 100;

    private ProfileDocument() {}

    static ObjectNode empty() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        CATEGORIES.forEach(doc::putObject);
        return doc;
    }

    /** The stored document with every category present. */
    static ObjectNode normalized(JsonNode stored) {
        ObjectNode doc = empty();
        if (stored != null && stored.isObject()) {
            CATEGORIES.forEach(c -> {
                if (stored.path(c).isObject()) {
                    doc.set(c, stored.get(c));
                }
            });
        }
        return doc;
    }

    static String requireCategory(String category) {
        if (!CATEGORIES.contains(category)) {
            throw ApiException.validation("category", "must be one of " + String.join(", ", CATEGORIES));
        }
        return category;
    }

    /** Checks a whole-profile body ({@code {category: object, …}}): known categories, objects, within bounds. */
    static void checkProfile(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object of categories");
        }
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            requireCategory(e.getKey());
            if (!e.getValue().isNull()) {
                checkCategory(e.getKey(), e.getValue());
            }
        }
    }

    static void checkCategory(String category, JsonNode value) {
        if (!value.isObject()) {
            throw ApiException.validation(category, "must be a JSON object");
        }
        if (value.toString().length() > MAX_CATEGORY_CHARS) {
            throw ApiException.validation(category, "must be at most " + MAX_CATEGORY_CHARS + " characters of JSON");
        }
        checkShape(category, value, 1);
    }

    private static void checkShape(String path, JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw ApiException.validation(path, "nests deeper than " + MAX_DEPTH + " levels");
        }
        if (node.isObject()) {
            if (node.size() > MAX_KEYS) {
                throw ApiException.validation(path, "has more than " + MAX_KEYS + " keys");
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                checkShape(path + "." + e.getKey(), e.getValue(), depth + 1);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                checkShape(path + "[]", item, depth + 1);
            }
        }
    }

    /** RFC 7396: {@code patch} applied to {@code target} in place. */
    static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject()) {
                JsonNode current = target.get(e.getKey());
                ObjectNode into = current != null && current.isObject() ? (ObjectNode) current
                        : target.putObject(e.getKey());
                merge(into, value);
            } else {
                target.set(e.getKey(), value);
            }
        }
    }

    static String text(JsonNode node) {
        return node != null && (node.isString() || node.isNumber()) && !node.asString().isBlank() ? node.asString()
                : null;
    }

    static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> {
                if (text(v) != null) {
                    out.add(text(v));
                }
            });
        } else if (text(node) != null) {
            out.add(text(node));
        }
        return out;
    }

    /** Leaf values that are set: strings, numbers, booleans, and each item of a list. */
    static int entries(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isObject() || node.isArray()) {
            int n = 0;
            for (JsonNode child : node) {
                n += entries(child);
            }
            return n;
        }
        return node.asString().isBlank() ? 0 : 1;
    }
}
