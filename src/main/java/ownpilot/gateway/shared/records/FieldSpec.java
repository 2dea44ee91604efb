package ownpilot.gateway.shared.records;

import java.util.List;
import java.util.Map;

/**
 * One field of a record: its JSON name, column, type and the rules its values follow.
 * Columns left out of a create take the database default. Build with the static factories and the {@code with…} methods, e.g.
 * {@code FieldSpec.text("title", "title").asRequired().maxLength(500)}.
 */
public record FieldSpec(String name, String column, FieldType type, boolean required, boolean readOnly,
        int maxLength, List<String> allowed, FieldFormat format, long min, long max, Map<String, String> aliases) {

    public static final int DEFAULT_MAX_LENGTH = 2000;
    public static final int MAX_LIST_ITEMS = 100;
    public static final int MAX_ITEM_LENGTH = 200;

    public static FieldSpec of(String name, String column, FieldType type) {
        return new FieldSpec(name, column, type, false, false, DEFAULT_MAX_LENGTH, List.of(), FieldFormat.ANY,
                Integer.MIN_VALUE, Integer.MAX_VALUE, Map.of());
    }

    public static FieldSpec text(String name, String column) {
        return of(name, column, FieldType.TEXT);
    }

    public FieldSpec asRequired() {
        return new FieldSpec(name, column, type, true, readOnly, maxLength, allowed, format, min, max, aliases);
    }

    /** Shown in responses but never accepted from a client. */
    public FieldSpec asReadOnly() {
        return new FieldSpec(name, column, type, required, true, maxLength, allowed, format, min, max, aliases);
    }

    public FieldSpec maxLength(int length) {
        return new FieldSpec(name, column, type, required, readOnly, length, allowed, format, min, max, aliases);
    }

    public FieldSpec oneOf(List<String> values) {
        return new FieldSpec(name, column, type, required, readOnly, maxLength, List.copyOf(values), format,
                min, max, aliases);
    }

    public FieldSpec format(FieldFormat f) {
        return new FieldSpec(name, column, type, required, readOnly, maxLength, allowed, f, min, max, aliases);
    }

    public FieldSpec range(long lowest, long highest) {
        return new FieldSpec(name, column, type, required, readOnly, maxLength, allowed, format,
                lowest, highest, aliases);
    }

    /** A value a client may send for {@code canonical} (another client's name for it); stored as canonical. */
    public FieldSpec alias(String value, String canonical) {
        Map<String, String> more = new java.util.LinkedHashMap<>(aliases);
        more.put(value, canonical);
        return new FieldSpec(name, column, type, required, readOnly, maxLength, allowed, format, min, max,
                Map.copyOf(more));
    }

    boolean isJson() {
        return type == FieldType.STRING_LIST || type == FieldType.STRING_MAP;
    }
}
