package ownpilot.gateway.tools.builtin;

import java.util.ArrayList;
import java.util.List;
import ownpilot.gateway.tools.ToolFailure;
import tools.jackson.databind.JsonNode;

/** Typed reads of already schema-validated tool arguments, with defaults for optional ones. */
final class Args {

    private Args() {}

    static String text(JsonNode args, String name) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            throw new ToolFailure("Missing required parameter: " + name);
        }
        return v.asString();
    }

    static String text(JsonNode args, String name, String fallback) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() ? fallback : v.asString();
    }

    static double number(JsonNode args, String name) {
        JsonNode v = args.get(name);
        if (v == null || !v.isNumber()) {
            throw new ToolFailure("Missing required number: " + name);
        }
        return v.doubleValue();
    }

    static double number(JsonNode args, String name, double fallback) {
        JsonNode v = args.get(name);
        return v == null || !v.isNumber() ? fallback : v.doubleValue();
    }

    static int integer(JsonNode args, String name, int fallback) {
        JsonNode v = args.get(name);
        return v == null || !v.isNumber() ? fallback : v.intValue();
    }

    static boolean bool(JsonNode args, String name, boolean fallback) {
        JsonNode v = args.get(name);
        return v == null || !v.isBoolean() ? fallback : v.booleanValue();
    }

    static List<String> strings(JsonNode args, String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = args.get(name);
        if (v != null && v.isArray()) {
            v.forEach(item -> out.add(item.isString() ? item.stringValue() : item.toString()));
        }
        return out;
    }

    static double[] numbers(JsonNode args, String name) {
        JsonNode v = args.get(name);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new ToolFailure(name + " must be a non-empty array of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }
}
