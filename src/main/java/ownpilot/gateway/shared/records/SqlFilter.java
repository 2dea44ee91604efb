package ownpilot.gateway.shared.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause built from trusted SQL fragments and bound parameters; user input only ever
 * travels as a parameter.
 */
public final class SqlFilter {

    private static final int MAX_SEARCH_WORDS = 10;

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code column = :value} when the value is present. */
    public SqlFilter equal(String column, Object value) {
        if (value != null) {
            String name = "f_" + column;
            conditions.add(column + " = :" + name);
            params.put(name, value);
        }
        return this;
    }

    /** Adds {@code column IN (:values)} when there are values (JdbcClient expands the collection). */
    public SqlFilter in(String column, java.util.Collection<?> values) {
        if (!values.isEmpty()) {
            String name = "f_" + column;
            conditions.add(column + " IN (:" + name + ")");
            params.put(name, List.copyOf(values));
        }
        return this;
    }

    /** Adds a trusted condition with its named parameters. */
    public SqlFilter where(String condition, Map<String, ?> conditionParams) {
        conditions.add(condition);
        params.putAll(conditionParams);
        return this;
    }

    public SqlFilter where(String condition) {
        return where(condition, Map.of());
    }

    /**
     * Full-text search over the given columns: a row matches when PostgreSQL's English full-text
     * query matches (so "running" finds "run"), or when every word occurs as a case-insensitive
     * substring (so "proj" finds "project"). At most ten words are used.
     */
    public SqlFilter search(String text, List<String> columns) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String document = "concat_ws(' ', " + String.join(", ", columns) + ")";
        List<String> words = List.of(text.trim().split("\\s+")).stream().limit(MAX_SEARCH_WORDS).toList();
        List<String> substrings = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            substrings.add(document + " ILIKE :s_word" + i + " ESCAPE '\\'");
            params.put("s_word" + i, ownpilot.gateway.shared.SqlValues.containsPattern(words.get(i)));
        }
        params.put("s_query", String.join(" ", words));
        conditions.add("(to_tsvector('english', " + document + ") @@ plainto_tsquery('english', :s_query) OR ("
                + String.join(" AND ", substrings) + "))");
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }
}
