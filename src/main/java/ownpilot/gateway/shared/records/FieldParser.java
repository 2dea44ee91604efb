package ownpilot.gateway.shared.records;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Converts one JSON value into the value bound to its column, or says why it is refused. */
final class FieldParser {

    private FieldParser() {}

    /** Thrown with the reason a value is refused; the caller names the field. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    static Object parse(FieldSpec spec, JsonNode node) throws Refused {
        return switch (spec.type()) {
            case TEXT -> text(spec, node);
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw new Refused("must be true or false");
                }
                yield node.booleanValue();
            }
            case INTEGER -> integer(spec, node);
            case TIMESTAMP -> timestamp(node);
            case DATE -> date(node);
            case TIME -> time(node);
            case STRING_LIST -> stringList(node);
            case STRING_MAP -> stringMap(node);
        };
    }

    private static String text(FieldSpec spec, JsonNode node) throws Refused {
        if (!node.isString()) {
            throw new Refused("must be a string");
        }
        String value = spec.aliases().getOrDefault(node.stringValue(), node.stringValue());
        if (value.length() > spec.maxLength()) {
            throw new Refused("must be at most " + spec.maxLength() + " characters");
        }
        if (spec.required() && value.isBlank()) {
            throw new Refused("must not be blank");
        }
        if (!spec.allowed().isEmpty() && !spec.allowed().contains(value)) {
            throw new Refused("must be one of " + String.join(", ", spec.allowed()));
        }
        String problem = value.isEmpty() ? null : spec.format().check(value);
        if (problem != null) {
            throw new Refused(problem);
        }
        return value;
    }

    private static Integer integer(FieldSpec spec, JsonNode node) throws Refused {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new Refused("must be a whole number");
        }
        int value = node.intValue();
        if (value < spec.min() || value > spec.max()) {
            throw new Refused("must be between " + spec.min() + " and " + spec.max());
        }
        return value;
    }

    private static OffsetDateTime timestamp(JsonNode node) throws Refused {
        try {
            return OffsetDateTime.parse(stringOf(node, "an ISO-8601 date-time with offset")).withOffsetSameInstant(
                    ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Refused("must be an ISO-8601 date-time with offset, e.g. 2026-01-31T09:30:00Z");
        }
    }

    private static LocalDate date(JsonNode node) throws Refused {
        try {
            return LocalDate.parse(stringOf(node, "a date YYYY-MM-DD"));
        } catch (DateTimeParseException e) {
            throw new Refused("must be a date YYYY-MM-DD");
        }
    }

    private static LocalTime time(JsonNode node) throws Refused {
        try {
            return LocalTime.parse(stringOf(node, "a time HH:mm"));
        } catch (DateTimeParseException e) {
            throw new Refused("must be a time HH:mm");
        }
    }

    private static String stringOf(JsonNode node, String expected) throws Refused {
        if (!node.isString() || node.stringValue().length() > 64) {
            throw new Refused("must be " + expected);
        }
        return node.stringValue();
    }

    private static JsonNode stringList(JsonNode node) throws Refused {
        if (!node.isArray() || node.size() > FieldSpec.MAX_LIST_ITEMS) {
            throw new Refused("must be an array of at most " + FieldSpec.MAX_LIST_ITEMS + " strings");
        }
        for (JsonNode item : node) {
            checkItem(item);
        }
        return node;
    }

    private static JsonNode stringMap(JsonNode node) throws Refused {
        if (!node.isObject() || node.size() > FieldSpec.MAX_LIST_ITEMS) {
            throw new Refused("must be an object of at most " + FieldSpec.MAX_LIST_ITEMS + " string values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().length() > FieldSpec.MAX_ITEM_LENGTH) {
                throw new Refused("keys must be at most " + FieldSpec.MAX_ITEM_LENGTH + " characters");
            }
            checkItem(entry.getValue());
        }
        return node;
    }

    private static void checkItem(JsonNode item) throws Refused {
        if (!item.isString() || item.stringValue().length() > FieldSpec.MAX_ITEM_LENGTH) {
            throw new Refused("items must be strings of at most " + FieldSpec.MAX_ITEM_LENGTH + " characters");
        }
    }
}
