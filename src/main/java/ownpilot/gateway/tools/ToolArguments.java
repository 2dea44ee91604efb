package ownpilot.gateway.tools;

import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Helpers for tools whose arguments name a record and carry the fields to change. */
public final class ToolArguments {

    private ToolArguments() {}

    /** The non-blank string {@code field} (a record's id, usually); a 400 naming it otherwise. */
    public static String id(JsonNode args, String field) {
        JsonNode id = args == null ? null : args.get(field);
        if (id == null || !id.isString() || id.asString().isBlank()) {
            throw ApiException.validation(field, "is required");
        }
        return id.asString();
    }

    /** A copy of the arguments without {@code field}: the rest is the change to apply. */
    public static JsonNode without(JsonNode args, String field) {
        ObjectNode copy = ((ObjectNode) args).deepCopy();
        copy.remove(field);
        return copy;
    }
}
