package ownpilot.gateway.shared;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Reads typed, validated values from raw query parameters; a bad value is a 400 naming the parameter. */
public record QueryParams(Map<String, String> raw) {

    private static final int MAX_TEXT = 200;

    public String text(String name) {
        String value = raw.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ApiException.validation(name, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    public String oneOf(String name, List<String> allowed) {
        String value = text(name);
        if (value != null && !allowed.contains(value)) {
            throw ApiException.validation(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /**
     * A parameter given once or repeated ({@code ?status=a&status=b}, joined with commas by the
     * controller, or {@code ?status=a,b}), each value one of {@code allowed}; empty when absent.
     */
    public List<String> anyOf(String name, List<String> allowed) {
        String value = text(name);
        if (value == null) {
            return List.of();
        }
        List<String> values = java.util.Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .distinct().toList();
        if (values.isEmpty() || !allowed.containsAll(values)) {
            throw ApiException.validation(name, "must be one or more of " + String.join(", ", allowed));
        }
        return values;
    }

    /** Repeated query parameters as one value each, their values joined with commas. */
    public static Map<String, String> joined(org.springframework.util.MultiValueMap<String, String> params) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        params.forEach((name, values) -> out.put(name, String.join(",", values)));
        return out;
    }

    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.validation(name, "must be true or false");
        };
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ApiException.validation(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, "must be a whole number");
        }
    }

    /** A number in {@code [min, max]}, or null when absent. */
    public Double decimal(String name, double min, double max) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!(parsed >= min && parsed <= max)) {
                throw ApiException.validation(name, "must be a number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, "must be a number");
        }
    }

    public OffsetDateTime dateTime(String name) {
        String value = text(name);
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name, "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T09:30:00Z");
        }
    }

    public Paging paging(int defaultLimit) {
        return Paging.of(raw.get("limit"), raw.get("offset"), defaultLimit);
    }
}
