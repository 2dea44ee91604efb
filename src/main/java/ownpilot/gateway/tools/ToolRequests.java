package ownpilot.gateway.tools;

import ownpilot.gateway.shared.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Reads {@code {"arguments": {...}}} request bodies; a missing body means no arguments. */
final class ToolRequests {

    private ToolRequests() {}

    static JsonNode arguments(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object such as {\"arguments\": {…}}");
        }
        JsonNode arguments = body.get("arguments");
        if (arguments == null || arguments.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!arguments.isObject()) {
            throw ApiException.validation("arguments", "must be a JSON object");
        }
        return arguments;
    }
}
