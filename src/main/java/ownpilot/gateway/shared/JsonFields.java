package ownpilot.gateway.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ownpilot.gateway.shared.ApiException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a JSON request body with their rules, collecting every problem so one 400
 * {@code VALIDATION_ERROR} names all bad fields. Absent and {@code null} mean "keep the fallback",
 * except in {@link #nullableText}, where {@code null} clears.
 */
public final class JsonFields {

    private final JsonNode body;
    private final List<FieldProblem> problems = new ArrayList<>();

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    public static JsonFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        return new JsonFields(body);
    }

    /** Like {@link #of}, but a missing body reads as an empty object (for bodies whose fields are all optional). */
    public static JsonFields ofOptional(JsonNode body) {
        boolean absent = body == null || body.isNull() || body.isMissingNode();
        return of(absent ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body);
    }

    /** Flags every field outside {@code allowed}. */
    public JsonFields allow(Set<String> allowed) {
        body.propertyNames().stream().filter(f -> !allowed.contains(f)).sorted()
                .forEach(f -> problem(f, "is not a known field"));
        return this;
    }

    public boolean has(String field) {
        return body.has(field);
    }

    public JsonNode node(String field) {
        return body.get(field);
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** A non-blank string of at most {@code max} characters (trimmed); required means it must end up set. */
    public String text(String field, String fallback, int max, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required && fallback == null) {
                problem(field, "is required");
            }
            return fallback;
        }
        return checkedText(field, v, fallback, max);
    }

    /** Like {@link #text}, but an explicit {@code null} clears the value. */
    public String nullableText(String field, String fallback, int max) {
        JsonNode v = body.get(field);
        if (v == null) {
            return fallback;
        }
        return v.isNull() ? null : checkedText(field, v, fallback, max);
    }

    private String checkedText(String field, JsonNode v, String fallback, int max) {
        if (!v.isString() || v.stringValue().isBlank() || v.stringValue().length() > max) {
            problem(field, "must be a non-empty string of at most " + max + " characters");
            return fallback;
        }
        return v.stringValue().trim();
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(field, "must be true or false");
            return fallback;
        }
        return v.booleanValue();
    }

    /** A number in {@code [min, max]}; {@code whole} also requires an integer. */
    public double number(String field, double fallback, double min, double max, boolean whole) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        boolean ok = v.isNumber() && (!whole || v.isIntegralNumber()) && v.doubleValue() >= min
                && v.doubleValue() <= max;
        if (!ok) {
            problem(field, "must be " + (whole ? "a whole number" : "a number") + " from "
                    + (whole ? String.valueOf((long) min) : String.valueOf(min)) + " to "
                    + (whole ? String.valueOf((long) max) : String.valueOf(max)));
            return fallback;
        }
        return v.doubleValue();
    }

    /** Like {@link #number}, but absent keeps {@code fallback} (which may be null) and {@code null} clears. */
    public Double nullableNumber(String field, Double fallback, double min, double max, boolean whole) {
        JsonNode v = body.get(field);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return null;
        }
        double read = number(field, Double.NaN, min, max, whole);
        return Double.isNaN(read) ? fallback : Double.valueOf(read);
    }

    /** Throws one {@code VALIDATION_ERROR} naming every problem found so far. */
    public void check() {
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }
}
