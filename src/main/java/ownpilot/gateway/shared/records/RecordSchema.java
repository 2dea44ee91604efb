package ownpilot.gateway.shared.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.SqlValues;
import ownpilot.gateway.shared.ApiException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * A table and its fields. Turns request bodies into validated column values (create and patch) and
 * rows back into JSON objects, so resources declare their fields once.
 */
public final class RecordSchema {

    private final String table;
    private final String entityName;
    private final List<FieldSpec> fields;
    private final String[] jsonNames;

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    public RecordSchema(String table, String entityName, List<FieldSpec> fields) {
        this.table = table;
        this.entityName = entityName;
        this.fields = List.copyOf(fields);
        List<String> names = new ArrayList<>();
        names.add("id");
        fields.forEach(f -> names.add(f.name()));
        names.add("createdAt");
        names.add("updatedAt");
        this.jsonNames = names.toArray(String[]::new);
    }

    public String table() {
        return table;
    }

    public String entityName() {
        return entityName;
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** Validates a create body: required fields present, unknown fields refused. */
    public Map<String, Object> forCreate(JsonNode body) {
        return parse(body, true);
    }

    /** Validates a patch body: only the fields present, {@code null} clears an optional field. */
    public Map<String, Object> forPatch(JsonNode body) {
        Map<String, Object> values = parse(body, false);
        if (values.isEmpty()) {
            throw ApiException.badRequest("The body names no field to update");
        }
        return values;
    }

    private Map<String, Object> parse(JsonNode body, boolean creating) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> known = fields.stream().filter(f -> !f.readOnly()).map(FieldSpec::name).collect(Collectors.toSet());
        body.propertyNames().stream().filter(n -> !known.contains(n)).sorted()
                .forEach(n -> problems.add(new FieldProblem(n, "is not a known field")));
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec spec : fields) {
            if (spec.readOnly()) {
                continue;
            }
            JsonNode node = body.get(spec.name());
            if (node == null || node.isNull()) {
                if (spec.required() && (creating || node != null)) {
                    problems.add(new FieldProblem(spec.name(), "is required"));
                } else if (node != null) {
                    values.put(spec.column(), null);
                }
                continue;
            }
            try {
                values.put(spec.column(), FieldParser.parse(spec, node));
            } catch (FieldParser.Refused refused) {
                problems.add(new FieldProblem(spec.name(), refused.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return values;
    }

    /** Maps a row to the JSON object clients see: {@code id}, every field, then timestamps. */
    public RecordRow toJson(ResultSet rs) throws SQLException {
        Object[] values = new Object[fields.size() + 3];
        values[0] = rs.getString("id");
        for (int i = 0; i < fields.size(); i++) {
            values[i + 1] = read(rs, fields.get(i));
        }
        values[values.length - 2] = SqlValues.instant(rs, "created_at");
        values[values.length - 1] = SqlValues.instant(rs, "updated_at");
        return new RecordRow(jsonNames, values);
    }

    private static Object read(ResultSet rs, FieldSpec spec) throws SQLException {
        String column = spec.column();
        return switch (spec.type()) {
            case TEXT -> rs.getString(column);
            case BOOLEAN -> rs.getObject(column) == null ? null : rs.getBoolean(column);
            case INTEGER -> SqlValues.nullableInt(rs, column);
            case TIMESTAMP -> SqlValues.instant(rs, column);
            case DATE -> {
                LocalDate d = rs.getObject(column, LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case TIME -> {
                LocalTime t = rs.getObject(column, LocalTime.class);
                yield t == null ? null : t.getSecond() == 0 ? t.format(HOURS_MINUTES) : t.toString();
            }
            case STRING_LIST, STRING_MAP -> {
                String json = rs.getString(column);
                yield RawJson.ofNullable(json);
            }
        };
    }

    /** The SQL placeholder for a column, casting JSON fields to {@code jsonb}. */
    String placeholder(String column) {
        boolean json = fields.stream().anyMatch(f -> f.column().equals(column) && f.isJson());
        return json ? "CAST(:" + column + " AS jsonb)" : ":" + column;
    }

    /** The value to bind for a column: JSON fields travel as text. */
    Object bindable(Object value) {
        return value instanceof JsonNode node ? node.toString() : value;
    }
}
