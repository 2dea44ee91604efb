package ownpilot.gateway.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.QueryParams;

/** The filters of {@code GET /audit}, validated and turned into bound SQL conditions. */
record AuditQuery(String sql, Map<String, Object> params, boolean ascending) {

    static final List<String> ACTOR_TYPES = List.of("user", "agent", "system", "plugin", "channel");
    static final List<String> OUTCOMES = List.of("success", "failure");
    private static final int MAX_TYPES = 50;

    static AuditQuery from(QueryParams q) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        String types = q.text("types");
        if (types != null) {
            List<String> list = Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
            if (list.size() > MAX_TYPES) {
                throw ApiException.validation("types", "must list at most " + MAX_TYPES + " types");
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                names.add(":type" + i);
                params.put("type" + i, list.get(i));
            }
            if (!names.isEmpty()) {
                conditions.add("type IN (" + String.join(", ", names) + ")");
            }
        }
        add(conditions, params, "actor_id", q.text("actorId"));
        add(conditions, params, "actor_type", q.oneOf("actorType", ACTOR_TYPES));
        add(conditions, params, "resource_id", q.text("resourceId"));
        add(conditions, params, "resource_type", q.text("resourceType"));
        add(conditions, params, "outcome", q.oneOf("outcome", OUTCOMES));
        add(conditions, params, "correlation_id", q.text("correlationId"));
        String minSeverity = q.oneOf("minSeverity", AuditEntry.Severity.NAMES);
        if (minSeverity != null) {
            conditions.add("severity_rank >= :min_rank");
            params.put("min_rank", AuditEntry.Severity.valueOf(minSeverity).ordinal());
        }
        OffsetDateTime from = q.dateTime("from");
        OffsetDateTime to = q.dateTime("to");
        if (from != null) {
            conditions.add("created_at >= :from_time");
            params.put("from_time", from);
        }
        if (to != null) {
            conditions.add("created_at <= :to_time");
            params.put("to_time", to);
        }
        String order = q.oneOf("order", List.of("asc", "desc"));
        String sql = conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
        return new AuditQuery(sql, params, "asc".equals(order));
    }

    private static void add(List<String> conditions, Map<String, Object> params, String column, String value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            params.put(column, value);
        }
    }
}
